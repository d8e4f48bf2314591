import BorderDomain
import BorderTime

/// `POST /v1/arrivals` and `POST /v1/departures`: a crossing, with the travel document read from
/// its machine-readable zone (`mrz`) or typed in field by field (`document`).
struct CrossingRequest {
    static let fields: Set<String> = [
        "mrz", "document", "port", "occurredAt", "carrier", "flight", "purpose", "residentOf",
    ]

    var crossing: Crossing
    /// Where the traveller lives when it decides the permit (`ASM`: an entry permit for US citizens).
    var residentOf: String?

    init(_ reader: BodyReader, direction: Crossing.Direction, now: Timestamp = .now()) throws(APIError) {
        let occurredAt = try reader.timestamp("occurredAt")
        try Self.checkPlausible(occurredAt, now: now)
        let portCode = try reader.string("port")
        guard Port.named(portCode) != nil else {
            throw APIError(.unknownPort, "port is not a known port of entry", field: "port")
        }
        let carrier = try Self.code(reader.optionalString("carrier"), field: "carrier", pattern: 2...3)
        let flight = try Self.code(reader.optionalString("flight"), field: "flight", pattern: 3...8)
        let purpose = try reader.optionalString("purpose").map { text throws(APIError) in
            guard let purpose = Purpose(rawValue: text) else {
                let allowed = Purpose.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.invalidField, "purpose must be one of \(allowed)", field: "purpose")
            }
            return purpose
        }
        residentOf = try Self.code(reader.optionalString("residentOf"), field: "residentOf", pattern: 1...3)
        let document = try Self.document(reader, at: occurredAt)
        crossing = Crossing(
            direction: direction, document: document, port: portCode, carrier: carrier, flight: flight,
            purpose: purpose, occurredAt: occurredAt)
    }

    /// A crossing cannot have happened in the future (beyond a few minutes of clock skew between
    /// a desk and the server), nor before 1950; offline posts that upload late are fine.
    static let allowedSkewMicroseconds: Int64 = 5 * 60 * 1_000_000
    static let earliest = Timestamp(rfc3339: "1950-01-01T00:00:00Z")!

    static func checkPlausible(_ occurredAt: Timestamp, now: Timestamp, field: String = "occurredAt")
        throws(APIError)
    {
        guard occurredAt.microseconds <= now.microseconds + allowedSkewMicroseconds else {
            throw APIError(.invalidField, "\(field) is in the future", field: field)
        }
        guard occurredAt >= earliest else {
            throw APIError(.invalidField, "\(field) is before 1950", field: field)
        }
    }

    /// The document from exactly one of `mrz` and `document`.
    static func document(_ reader: BodyReader, at occurredAt: Timestamp) throws(APIError) -> DocumentFacts {
        switch (reader.fields["mrz"], reader.fields["document"]) {
        case (nil, nil), (.null?, .null?), (nil, .null?), (.null?, nil):
            throw APIError(.missingField, "mrz or document is required", field: "mrz")
        case (let mrz?, let document?) where mrz != .null && document != .null:
            throw APIError(.invalidField, "give either mrz or document, not both", field: "document")
        case (let mrz?, _) where mrz != .null: return try Self.document(try reader.strings("mrz"), at: occurredAt)
        default: return try DocumentFields.read(reader, at: occurredAt)
        }
    }

    /// Parses the MRZ with centuries decided relative to the crossing's own date.
    static func document(_ lines: [String], at occurredAt: Timestamp) throws(APIError) -> DocumentFacts {
        let day = occurredAt.civilDay
        guard let reference = CalendarDate(year: Int(day.year), month: Int(day.month), day: Int(day.day)) else {
            throw APIError(.invalidField, "occurredAt is out of range", field: "occurredAt")
        }
        do {
            return DocumentFacts(try MRZ.parse(lines, relativeTo: reference))
        } catch  where error.code == .referenceDataUnavailable {
            throw APIError(.unavailable, "the table of state codes cannot be read")
        } catch {
            throw APIError(.invalidDocument, error.description, field: error.field)
        }
    }

    /// Carrier and flight designators: upper-case letters and digits, of the given lengths.
    static func code(_ value: String?, field: String, pattern lengths: ClosedRange<Int>) throws(APIError) -> String? {
        guard let value else { return nil }
        let valid =
            lengths.contains(value.count) && value.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
        guard valid else {
            throw APIError(
                .invalidField,
                "\(field) must be \(lengths.lowerBound) to \(lengths.upperBound) upper-case letters or digits",
                field: field)
        }
        return value
    }
}
