import BorderTime
import JSON
import Postgres

extension OfficerLookup {
    /// Travellers holding document `number`, optionally of one nationality, with their last
    /// crossings (newest first, at most `crossingLimit`), as the API answers them.
    public func travellers(
        documentNumber number: String, nationality: String?, crossingLimit: Int = 10,
        on connection: PostgresConnection
    ) throws -> [JSON] {
        let rows = try connection.query(
            """
            SELECT stream, issuing_state, document_number, nationality, document_code, primary_identifier,
                secondary_identifiers, date_of_birth, sex, date_of_expiry, in_country, anomalies, last_position,
                authorised_until::text
            FROM \(schema).travellers
            WHERE document_number = $1 AND ($2::text IS NULL OR nationality = $2)
            ORDER BY nationality, issuing_state
            """,
            [number, nationality], context: "look up traveller")
        // The rest of each record (crossings, permits, accreditations, overstay flag) in one round trip.
        let streams = try rows.map { try $0.string(0) }
        let records = try connection.pipeline(
            streams.flatMap { [crossingsStatement(stream: $0, limit: crossingLimit)] + decisionStatements(stream: $0) },
            context: "read traveller records")
        return try rows.enumerated().map { index, row in
            let parts = records[(index * 4)..<(index * 4 + 4)].map { $0 }
            var traveller = try travellerJSON(row)
            let crossings = try parts[0].map(crossingJSON)
            traveller["crossings"] = .array(crossings)
            traveller["lastArrival"] = crossings.first { $0["direction"] == "arrival" } ?? .null
            traveller["lastDeparture"] = crossings.first { $0["direction"] == "departure" } ?? .null
            let decisions = try decisionsJSON(permits: parts[1], accreditations: parts[2], overstay: parts[3])
            for (key, value) in decisions { traveller[key] = value }
            return .object(traveller)
        }
    }

    private func travellerJSON(_ row: PostgresRow) throws -> [String: JSON] {
        [
            "stream": .string(try row.string(0)), "issuingState": .string(try row.string(1)),
            "document": .string(try row.string(2)), "nationality": .string(try row.string(3)),
            "documentCode": .string(try row.string(4)), "primaryIdentifier": .string(try row.string(5)),
            "secondaryIdentifiers": .array(PostgresArray.parse(try row.string(6)).map { .string($0) }),
            "dateOfBirth": .optional(row[7]), "sex": .string(try row.string(8)),
            "dateOfExpiry": .string(try row.string(9)), "inCountry": .bool(try row.bool(10)),
            "anomalies": .array(PostgresArray.parse(try row.string(11)).map { .string($0) }),
            "lastPosition": .int(try row.int64(12)), "authorisedUntil": .optional(row[13]),
        ]
    }

    private func crossingsStatement(stream: String, limit: Int) -> PostgresConnection.Statement {
        .init(
            """
            SELECT position, direction, port, carrier, flight, purpose,
                (extract(epoch FROM occurred_at) * 1000000)::bigint,
                (extract(epoch FROM recorded_at) * 1000000)::bigint, anomalies, version, voided, corrected
            FROM \(schema).crossings WHERE stream = $1
            ORDER BY occurred_at DESC, position DESC LIMIT $2
            """,
            [stream, String(limit)])
    }

    private func crossingJSON(_ row: PostgresRow) throws -> JSON {
        [
            "position": .int(try row.int64(0)), "direction": .string(try row.string(1)),
            "port": .string(try row.string(2)), "carrier": .optional(row[3]), "flight": .optional(row[4]),
            "purpose": .optional(row[5]),
            "occurredAt": .string(Timestamp(microseconds: try row.int64(6)).description),
            "recordedAt": .string(Timestamp(microseconds: try row.int64(7)).description),
            "anomalies": .array(PostgresArray.parse(try row.string(8)).map { .string($0) }),
            "version": row[9].flatMap { Int64($0) }.map { .int($0) } ?? .null, "voided": .bool(try row.bool(10)),
            "corrected": .bool(try row.bool(11)),
        ]
    }
}
