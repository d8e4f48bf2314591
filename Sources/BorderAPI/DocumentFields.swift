import BorderDomain
import BorderTime

/// A travel document typed in field by field (`document` in a crossing), for a document whose
/// machine-readable zone cannot be read. Checked as strictly as an MRZ, less the check digits.
enum DocumentFields {
    static let fields: Set<String> = [
        "documentCode", "issuingState", "documentNumber", "nationality", "primaryIdentifier",
        "secondaryIdentifiers", "dateOfBirth", "sex", "dateOfExpiry",
    ]
    static let sexes = ["female", "male", "unspecified"]

    static func read(_ body: BodyReader, at occurredAt: Timestamp) throws(APIError) -> DocumentFacts {
        let reader = try body.nested("document", allowed: fields)
        let dateOfBirth = try reader.optionalString("dateOfBirth").map { _ throws(APIError) in
            try reader.day("dateOfBirth")
        }
        if let dateOfBirth, dateOfBirth > occurredAt.civilDay {
            throw APIError(.invalidField, "dateOfBirth is after the crossing", field: "document.dateOfBirth")
        }
        let sex = try reader.string("sex")
        guard sexes.contains(sex) else {
            throw APIError(
                .invalidField, "sex must be one of \(sexes.joined(separator: ", "))", field: "document.sex")
        }
        return DocumentFacts(
            format: "fields", documentCode: try reader.code("documentCode", lengths: 1...2),
            issuingState: try DocumentReference.state(reader, "issuingState"),
            documentNumber: try DocumentReference.number(reader, "documentNumber"),
            nationality: try DocumentReference.state(reader, "nationality"),
            primaryIdentifier: try name(reader.string("primaryIdentifier"), field: "document.primaryIdentifier"),
            secondaryIdentifiers: try names(reader.strings("secondaryIdentifiers"), prefix: "document."),
            dateOfBirth: dateOfBirth?.description, sex: sex, dateOfExpiry: try reader.day("dateOfExpiry").description)
    }

    static func names(_ values: [String], prefix: String) throws(APIError) -> [String] {
        var names = [String]()
        for (index, value) in values.enumerated() {
            names.append(try name(value, field: "\(prefix)secondaryIdentifiers[\(index)]"))
        }
        return names
    }

    /// Letters that are upper-case or have no case (Arabic, Chinese, Korean), with their
    /// combining marks; single spaces, hyphens and apostrophes between; 1 to 100 characters.
    static func name(_ value: String, field: String) throws(APIError) -> String {
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            let letter = properties.isAlphabetic && !properties.isLowercase
            let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
            return letter || mark || scalar == " " || scalar == "-" || scalar == "'"
        }
        guard (1...100).contains(value.count), allowed, value.first != " ", value.last != " ",
            !value.contains("  ")
        else {
            throw APIError(
                .invalidField,
                "\(field) must be 1 to 100 upper-case or uncased letters, single spaces, hyphens or apostrophes",
                field: field)
        }
        return value
    }
}

/// The document a command is about (`document` in a decision): issuing state and number, which
/// name the traveller's stream.
enum DocumentReference {
    static let fields: Set<String> = ["issuingState", "documentNumber"]

    static func stream(_ body: BodyReader) throws(APIError) -> String {
        let reader = try body.nested("document", allowed: fields)
        return StreamName.traveller(
            issuingState: try state(reader, "issuingState"), documentNumber: try number(reader, "documentNumber"))
    }

    /// An ICAO state or organisation code: ISO 3166-1 alpha-3 or one ICAO adds (`D`, `GBD`, `UNO`).
    static func state(_ reader: BodyReader, _ name: String) throws(APIError) -> String {
        let value = try reader.string(name)
        let field = reader.prefix + name
        let known: Bool
        do {
            known = try MRZ.isKnownStateCode(value, field: field)
        } catch {
            throw APIError(.unavailable, "the table of state codes cannot be read")
        }
        guard (1...3).contains(value.utf8.count), known else {
            throw APIError(.invalidField, "\(name) must be an ICAO state or organisation code", field: field)
        }
        return value
    }

    static func number(_ reader: BodyReader, _ name: String) throws(APIError) -> String {
        let value = try reader.string(name)
        let valid = value.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
        guard (1...30).contains(value.utf8.count), valid else {
            throw APIError(
                .invalidField, "\(name) must be 1 to 30 upper-case letters or digits", field: reader.prefix + name)
        }
        return value
    }
}
