/// The holder and document data read from a machine-readable travel document.
///
/// Text fields hold the characters of the machine-readable zone with the filler `<` removed:
/// an issuing state `D<<` becomes `"D"`, a surname `VAN<DER<BERG` becomes `"VAN DER BERG"`.
public struct TravelDocument: Sendable, Hashable {
    /// The document code, one or two letters: `"P"`, `"PO"` (passports), `"I"`, `"AC"` (cards),
    /// `"V"` (visas).
    public var documentCode: String
    /// The ICAO code of the issuing state or organisation: `"UTO"`, `"D"`.
    public var issuingState: String
    /// The primary identifier (surname), its parts separated by single spaces.
    public var primaryIdentifier: String
    /// The secondary identifiers (given names), one element per name.
    public var secondaryIdentifiers: [String]
    /// The document number, without fillers.
    public var documentNumber: String
    /// The ICAO code of the holder's nationality.
    public var nationality: String
    /// The date of birth; parts written as fillers on the document stay unknown.
    public var dateOfBirth: PartialDate
    public var sex: Sex
    /// The date of expiry of the document; of the visa, when the document is a visa.
    public var dateOfExpiry: CalendarDate
    /// Optional data at the discretion of the issuing state (often a personal number); empty
    /// when the field holds only fillers. On a TD1 card, the element of the upper line, after the
    /// end of a long document number.
    public var optionalData: String
    /// The optional data of a TD1 card's middle line; empty for other formats.
    public var additionalOptionalData: String
    /// The layout of the machine-readable zone the data was read from.
    public var format: Format
    /// What the reader noticed without refusing the document, in the order it noticed it.
    public var marks: [Mark]

    public init(
        documentCode: String,
        issuingState: String,
        primaryIdentifier: String,
        secondaryIdentifiers: [String],
        documentNumber: String,
        nationality: String,
        dateOfBirth: PartialDate,
        sex: Sex,
        dateOfExpiry: CalendarDate,
        optionalData: String,
        additionalOptionalData: String = "",
        format: Format,
        marks: [Mark] = []
    ) {
        self.documentCode = documentCode
        self.issuingState = issuingState
        self.primaryIdentifier = primaryIdentifier
        self.secondaryIdentifiers = secondaryIdentifiers
        self.documentNumber = documentNumber
        self.nationality = nationality
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.dateOfExpiry = dateOfExpiry
        self.optionalData = optionalData
        self.additionalOptionalData = additionalOptionalData
        self.format = format
        self.marks = marks
    }
}
