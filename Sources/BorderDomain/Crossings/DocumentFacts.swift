import JSON

/// The identity a crossing was recorded against, as read from the travel document. Dates are ISO
/// `YYYY-MM-DD`. A date of birth with an unknown part has no `dateOfBirth` (`nil`, so that every
/// reader of `dateOfBirth` still gets a whole day) and keeps its known parts in
/// `partialDateOfBirth`, written with `X` for each unknown digit: `1974-XX-XX`, `1974-08-XX`.
///
/// `optionalData`, `partialDateOfBirth` and `marks` came later: events recorded before them, and
/// documents without them, leave them out of the JSON, and they read as `nil`.
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
    /// The document's optional data (often a personal number), when it has any; a TD1 card's two
    /// elements are joined by a space.
    public var optionalData: String? = nil
    /// The date of birth with its unknown parts as `X` (`1974-XX-XX`), when it is not fully known.
    public var partialDateOfBirth: String? = nil
    /// The raw values of `TravelDocument.Mark` the reader noticed (`specimen`, `sexWrittenAsX`),
    /// when there are any.
    public var marks: [String]? = nil

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
        var fields: [String: JSON] = [
            "format": .string(format), "documentCode": .string(documentCode), "issuingState": .string(issuingState),
            "documentNumber": .string(documentNumber), "nationality": .string(nationality),
            "primaryIdentifier": .string(primaryIdentifier),
            "secondaryIdentifiers": .array(secondaryIdentifiers.map { .string($0) }),
            "dateOfBirth": .optional(dateOfBirth), "sex": .string(sex), "dateOfExpiry": .string(dateOfExpiry),
        ]
        fields["optionalData"] = optionalData.map { .string($0) }
        fields["partialDateOfBirth"] = partialDateOfBirth.map { .string($0) }
        fields["marks"] = marks.map { .array($0.map { .string($0) }) }
        return .object(fields)
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
        optionalData = try reader.optionalString("optionalData")
        partialDateOfBirth = try reader.optionalString("partialDateOfBirth")
        if let partial = partialDateOfBirth, PartialDate(text: partial) == nil {
            throw DomainError(
                .unreadableEvent, field: "document.partialDateOfBirth",
                "stored document has no readable partialDateOfBirth")
        }
        marks = json["marks"] == nil ? nil : try reader.strings("marks")
    }
}

extension DocumentFacts {
    /// The facts of a parsed travel document, as events record them.
    public init(_ document: TravelDocument) {
        let birth = document.dateOfBirth
        self.init(
            format: document.format.rawValue, documentCode: document.documentCode,
            issuingState: document.issuingState, documentNumber: document.documentNumber,
            nationality: document.nationality, primaryIdentifier: document.primaryIdentifier,
            secondaryIdentifiers: document.secondaryIdentifiers, dateOfBirth: birth.calendarDate?.description,
            sex: document.sex.rawValue, dateOfExpiry: document.dateOfExpiry.description)
        let optional = [document.optionalData, document.additionalOptionalData].filter { !$0.isEmpty }
        optionalData = optional.isEmpty ? nil : optional.joined(separator: " ")
        partialDateOfBirth = birth.isComplete ? nil : birth.description
        marks = document.marks.isEmpty ? nil : document.marks.map(\.rawValue)
    }
}
