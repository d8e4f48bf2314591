import JSON

/// The identity a crossing was recorded against, as read from the travel document. Dates are ISO
/// `YYYY-MM-DD`; an unknown part of a date of birth stays unknown (`nil`).
public struct DocumentFacts: Sendable, Equatable {
    public var format: String
    public var documentCode: String
    public var issuingState: String
    public var documentNumber: String
    public var nationality: String
    public var primaryIdentifier: String
    public var secondaryIdentifiers: [String]
    public var dateOfBirth: String?
    public var sex: String
    public var dateOfExpiry: String

    public init(
        format: String, documentCode: String, issuingState: String, documentNumber: String, nationality: String,
        primaryIdentifier: String, secondaryIdentifiers: [String], dateOfBirth: String?, sex: String,
        dateOfExpiry: String
    ) {
        self.format = format
        self.documentCode = documentCode
        self.issuingState = issuingState
        self.documentNumber = documentNumber
        self.nationality = nationality
        self.primaryIdentifier = primaryIdentifier
        self.secondaryIdentifiers = secondaryIdentifiers
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.dateOfExpiry = dateOfExpiry
    }
}

extension DocumentFacts {
    public var json: JSON {
        [
            "format": .string(format), "documentCode": .string(documentCode), "issuingState": .string(issuingState),
            "documentNumber": .string(documentNumber), "nationality": .string(nationality),
            "primaryIdentifier": .string(primaryIdentifier),
            "secondaryIdentifiers": .array(secondaryIdentifiers.map { .string($0) }),
            "dateOfBirth": .optional(dateOfBirth), "sex": .string(sex), "dateOfExpiry": .string(dateOfExpiry),
        ]
    }

    public init(json: JSON) throws(DomainError) {
        let reader = EventReader(json, event: "document")
        format = try reader.string("format")
        documentCode = try reader.string("documentCode")
        issuingState = try reader.string("issuingState")
        documentNumber = try reader.string("documentNumber")
        nationality = try reader.string("nationality")
        primaryIdentifier = try reader.string("primaryIdentifier")
        secondaryIdentifiers = try reader.strings("secondaryIdentifiers")
        dateOfBirth = try reader.optionalDate("dateOfBirth")
        sex = try reader.string("sex")
        dateOfExpiry = try reader.date("dateOfExpiry")
    }
}

extension DocumentFacts {
    /// The facts of a parsed travel document, as events record them.
    public init(_ document: TravelDocument) {
        self.init(
            format: document.format.rawValue, documentCode: document.documentCode,
            issuingState: document.issuingState, documentNumber: document.documentNumber,
            nationality: document.nationality, primaryIdentifier: document.primaryIdentifier,
            secondaryIdentifiers: document.secondaryIdentifiers, dateOfBirth: document.dateOfBirth.description,
            sex: document.sex.rawValue, dateOfExpiry: document.dateOfExpiry.description)
    }
}
