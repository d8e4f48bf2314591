/// Where one field of a machine-readable zone sits: a line (zero-based) and a range of
/// zero-based offsets into it.
struct MRZSlot: Sendable, Hashable {
    let line: Int
    let range: Range<Int>

    init(_ line: Int, _ range: Range<Int>) {
        self.line = line
        self.range = range
    }

    /// A slot of one character.
    init(_ line: Int, at offset: Int) {
        self.init(line, offset..<offset + 1)
    }

    /// The stable name `MRZError.field` reports for a field in this slot: `"mrz[1].dateOfBirth"`.
    func field(_ name: String) -> String {
        "\(MRZLayout.lineField(line)).\(name)"
    }
}

/// The layout of one Doc 9303 format: its lines and where each field sits.
struct MRZLayout: Sendable {
    let format: TravelDocument.Format
    let lineCount: Int
    let lineLength: Int
    /// The letters a document code of this format may start with.
    let documentCodeLetters: Set<UInt8>
    let documentCode: MRZSlot
    let issuingState: MRZSlot
    let name: MRZSlot
    let documentNumber: MRZSlot
    let documentNumberCheck: MRZSlot
    let nationality: MRZSlot
    let dateOfBirth: MRZSlot
    let dateOfBirthCheck: MRZSlot
    let sex: MRZSlot
    let dateOfExpiry: MRZSlot
    let dateOfExpiryCheck: MRZSlot
    /// The optional data elements: two on a TD1 card, one elsewhere.
    let optionalData: [MRZSlot]
    /// The check digit of the optional data (personal number): TD3 passports only.
    let optionalDataCheck: MRZSlot?
    /// The composite check digit and what it covers: none on visas.
    let compositeCheck: MRZSlot?
    let compositeCoverage: [MRZSlot]
    /// Where a document number longer than nine characters continues (TD1, TD2), followed by its
    /// check digit; the document-number check digit slot then holds a filler.
    let documentNumberExtension: MRZSlot?

    /// The stable name of a whole line: `"mrz[0]"` is the first.
    static func lineField(_ index: Int) -> String {
        "mrz[\(index)]"
    }

    /// The stable name of the whole zone.
    static let zoneField = "mrz"
}
