extension MRZ {
    /// Writes a TD3 (passport) machine-readable zone with all its check digits, for
    /// demonstrations and tests; see `makeZone(for:)`.
    ///
    /// - Precondition: `documentCode` is one or two letters starting with `P`, and the other
    ///   fields fit as `makeZone(for:)` requires.
    /// - Returns: Two lines of 44 characters.
    public static func makeTD3(
        documentCode: String = "P",
        issuingState: String,
        primaryIdentifier: String,
        secondaryIdentifiers: [String],
        documentNumber: String,
        nationality: String,
        dateOfBirth: CalendarDate,
        sex: TravelDocument.Sex,
        dateOfExpiry: CalendarDate,
        optionalData: String = ""
    ) -> [String] {
        makeZone(
            for: TravelDocument(
                documentCode: documentCode, issuingState: issuingState, primaryIdentifier: primaryIdentifier,
                secondaryIdentifiers: secondaryIdentifiers, documentNumber: documentNumber,
                nationality: nationality, dateOfBirth: PartialDate(dateOfBirth), sex: sex,
                dateOfExpiry: dateOfExpiry, optionalData: optionalData, format: .td3
            )
        )
    }

    /// Writes the machine-readable zone of `document` in its format (TD1, TD2, TD3, MRV-A or
    /// MRV-B) with all its check digits, for demonstrations and tests. Marks are not written.
    ///
    /// Names are transliterated to `A`–`Z` (Doc 9303 part 3, 6.A), spaces and hyphens become `<`,
    /// and a name longer than its field is cut at the end. The date fields keep the last two
    /// digits of the year; unknown parts of the date of birth become `<<`. A passport without
    /// optional data has the filler `<` as its check digit. A TD1 or TD2 document number of more
    /// than nine characters continues in the optional data.
    ///
    /// - Precondition: the document code starts with a letter of its format (`P` passport, `V`
    ///   visa, `A`, `C` or `I` card); issuing state and nationality are one to three letters;
    ///   the document number is letters and digits that fit; the optional data are `A`–`Z`,
    ///   `0`–`9` or `<` and fit.
    public static func makeZone(for document: TravelDocument) -> [String] {
        let layout = MRZLayout.of(document.format)
        precondition(
            layout.documentCodeLetters.contains(document.documentCode.utf8.first ?? 0)
                && (1...2).contains(document.documentCode.utf8.count)
                && document.documentCode.utf8.allSatisfy(isLetter),
            "document code must be one or two letters, the first one of its format"
        )
        precondition(isStateCode(document.issuingState), "issuing state must be one to three letters A-Z")
        precondition(isStateCode(document.nationality), "nationality must be one to three letters A-Z")
        precondition(
            !document.documentNumber.isEmpty && document.documentNumber.utf8.allSatisfy { isLetter($0) || isDigit($0) },
            "document number must be letters A-Z or digits"
        )
        var writer = MRZWriter(layout: layout)
        writer.write(document.documentCode, at: layout.documentCode)
        writer.write(document.issuingState, at: layout.issuingState)
        let name = nameField(document.primaryIdentifier, document.secondaryIdentifiers, length: layout.name.range.count)
        writer.write(name, at: layout.name)
        writer.writeDocumentNumber(document.documentNumber, optionalData: document.optionalData)
        writer.write(document.nationality, at: layout.nationality)
        writeDates(of: document, with: &writer)
        writer.write(sexCharacter(document.sex), at: layout.sex)
        if layout.optionalData.count > 1 {
            writer.write(document.additionalOptionalData, at: layout.optionalData[1])
        }
        if let check = layout.optionalDataCheck, !document.optionalData.isEmpty {
            writer.writeCheckDigit(of: [layout.optionalData[0]], at: check)
        }
        if let check = layout.compositeCheck {
            writer.writeCheckDigit(of: layout.compositeCoverage, at: check)
        }
        return writer.lines.map { String(decoding: $0, as: UTF8.self) }
    }

    private static func writeDates(of document: TravelDocument, with writer: inout MRZWriter) {
        let layout = writer.layout
        let birth = document.dateOfBirth
        writer.write(
            [birth.year.map { $0 % 100 }, birth.month, birth.day].map(twoDigits).joined(), at: layout.dateOfBirth)
        writer.writeCheckDigit(of: [layout.dateOfBirth], at: layout.dateOfBirthCheck)
        let expiry = document.dateOfExpiry
        writer.write([expiry.year % 100, expiry.month, expiry.day].map(twoDigits).joined(), at: layout.dateOfExpiry)
        writer.writeCheckDigit(of: [layout.dateOfExpiry], at: layout.dateOfExpiryCheck)
    }

    /// The name field: primary identifier, `<<`, secondary identifiers joined by `<`, cut and
    /// padded with fillers to `length`.
    static func nameField(_ primary: String, _ secondary: [String], length: Int) -> String {
        let secondaryPart = secondary.map(transliteratedName).filter { !$0.isEmpty }.joined(separator: "<")
        var name = transliteratedName(primary)
        if !secondaryPart.isEmpty {
            name += "<<" + secondaryPart
        }
        var cut = Substring(name.prefix(length))
        while cut.last == "<" {
            cut.removeLast()
        }
        return String(cut)
    }

    private static func isStateCode(_ code: String) -> Bool {
        (1...3).contains(code.utf8.count) && code.utf8.allSatisfy(isLetter)
    }

    private static func twoDigits(_ value: Int?) -> String {
        guard let value else { return "<<" }
        return value < 10 ? "0\(value)" : "\(value)"
    }

    private static func sexCharacter(_ sex: TravelDocument.Sex) -> String {
        switch sex {
        case .male: "M"
        case .female: "F"
        case .unspecified: "<"
        }
    }
}
