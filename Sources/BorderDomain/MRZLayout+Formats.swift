extension MRZLayout {
    /// Identity card, three lines of 30 (Doc 9303 part 5, 4.2.2).
    static let td1 = MRZLayout(
        format: .td1, lineCount: 3, lineLength: 30, documentCodeLetters: cardLetters,
        documentCode: MRZSlot(0, 0..<2), issuingState: MRZSlot(0, 2..<5), name: MRZSlot(2, 0..<30),
        documentNumber: MRZSlot(0, 5..<14), documentNumberCheck: MRZSlot(0, at: 14),
        nationality: MRZSlot(1, 15..<18), dateOfBirth: MRZSlot(1, 0..<6), dateOfBirthCheck: MRZSlot(1, at: 6),
        sex: MRZSlot(1, at: 7), dateOfExpiry: MRZSlot(1, 8..<14), dateOfExpiryCheck: MRZSlot(1, at: 14),
        optionalData: [MRZSlot(0, 15..<30), MRZSlot(1, 18..<29)], optionalDataCheck: nil,
        compositeCheck: MRZSlot(1, at: 29),
        compositeCoverage: [MRZSlot(0, 5..<30), MRZSlot(1, 0..<7), MRZSlot(1, 8..<15), MRZSlot(1, 18..<29)],
        documentNumberExtension: MRZSlot(0, 15..<30)
    )

    /// Identity card, two lines of 36 (Doc 9303 part 6, 4.2.2).
    static let td2 = twoLines(
        .td2, length: 36, letters: cardLetters, optionalData: 28..<35, optionalDataCheck: nil, composite: 35,
        documentNumberExtension: true
    )

    /// Passport booklet, two lines of 44 (Doc 9303 part 4, 4.2.2).
    static let td3 = twoLines(
        .td3, length: 44, letters: [UInt8(ascii: "P")], optionalData: 28..<42, optionalDataCheck: 42, composite: 43,
        documentNumberExtension: false
    )

    /// Visa of the passport's size, two lines of 44 (Doc 9303 part 7, 5.2.2).
    static let mrva = twoLines(
        .mrva, length: 44, letters: visaLetters, optionalData: 28..<44, optionalDataCheck: nil, composite: nil,
        documentNumberExtension: false
    )

    /// Visa of the TD2 size, two lines of 36 (Doc 9303 part 7, 5.2.2).
    static let mrvb = twoLines(
        .mrvb, length: 36, letters: visaLetters, optionalData: 28..<36, optionalDataCheck: nil, composite: nil,
        documentNumberExtension: false
    )

    /// Official travel documents in card form start with A, C or I (Doc 9303 part 5, 4.2.2.1).
    private static let cardLetters: Set<UInt8> = [UInt8(ascii: "A"), UInt8(ascii: "C"), UInt8(ascii: "I")]
    private static let visaLetters: Set<UInt8> = [UInt8(ascii: "V")]

    /// The two-line formats share the first 28 characters of line 2: document number and its
    /// check digit, nationality, date of birth and check digit, sex, date of expiry and check digit.
    private static func twoLines(
        _ format: TravelDocument.Format,
        length: Int,
        letters: Set<UInt8>,
        optionalData: Range<Int>,
        optionalDataCheck: Int?,
        composite: Int?,
        documentNumberExtension: Bool
    ) -> MRZLayout {
        let coverageEnd = composite ?? length
        return MRZLayout(
            format: format, lineCount: 2, lineLength: length, documentCodeLetters: letters,
            documentCode: MRZSlot(0, 0..<2), issuingState: MRZSlot(0, 2..<5), name: MRZSlot(0, 5..<length),
            documentNumber: MRZSlot(1, 0..<9), documentNumberCheck: MRZSlot(1, at: 9),
            nationality: MRZSlot(1, 10..<13), dateOfBirth: MRZSlot(1, 13..<19), dateOfBirthCheck: MRZSlot(1, at: 19),
            sex: MRZSlot(1, at: 20), dateOfExpiry: MRZSlot(1, 21..<27), dateOfExpiryCheck: MRZSlot(1, at: 27),
            optionalData: [MRZSlot(1, optionalData)], optionalDataCheck: optionalDataCheck.map { MRZSlot(1, at: $0) },
            compositeCheck: composite.map { MRZSlot(1, at: $0) },
            compositeCoverage: composite == nil
                ? [] : [MRZSlot(1, 0..<10), MRZSlot(1, 13..<20), MRZSlot(1, 21..<coverageEnd)],
            documentNumberExtension: documentNumberExtension ? MRZSlot(1, optionalData) : nil
        )
    }
}

extension MRZLayout {
    /// The layout of a format.
    static func of(_ format: TravelDocument.Format) -> MRZLayout {
        switch format {
        case .td1: td1
        case .td2: td2
        case .td3: td3
        case .mrva: mrva
        case .mrvb: mrvb
        }
    }
}
