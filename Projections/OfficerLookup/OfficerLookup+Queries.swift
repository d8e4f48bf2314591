import BorderTime
import JSON
import Postgres

extension OfficerLookup {
    /// Travellers holding document `number`, optionally of one nationality, with their last
    /// crossings (newest first, at most `crossingLimit`), as the API answers them.
    ///
    /// The whole lookup is one round trip: every part of the records is selected by the same
    /// match on the document, in one pipeline. With `begin` (such as `BEGIN ISOLATION LEVEL
    /// REPEATABLE READ, READ ONLY`) the pipeline is a transaction of its own, so that the parts
    /// come from one snapshot of the read model; without, the caller holds the transaction.
    public func travellers(
        documentNumber number: String, nationality: String?, crossingLimit: Int = 10, begin: String? = nil,
        on connection: PostgresConnection
    ) throws -> [JSON] {
        let matching = """
            SELECT stream FROM \(schema).travellers
            WHERE document_number = $1 AND ($2::text IS NULL OR nationality = $2)
            """
        let parts =
            ([crossingsStatement(matching: matching, limit: crossingLimit)] + decisionStatements(matching: matching))
            .map { PostgresConnection.Statement($0.sql, [number, nationality] + $0.parameters) }
        let statements = [travellersStatement(number: number, nationality: nationality)] + parts
        let results =
            if let begin {
                try connection.pipelinedTransaction(statements, begin: begin, context: "look up traveller")
            } else {
                try connection.pipeline(statements, context: "look up traveller")
            }
        // Every part's last column is the stream it belongs to.
        let byStream = try results.dropFirst().map { rows in
            try Dictionary(grouping: rows) { try $0.string($0.values.count - 1) }
        }
        return try results[0].map { row in
            let stream = try row.string(0)
            var traveller = try travellerJSON(row)
            let crossings = try (byStream[0][stream] ?? []).map(crossingJSON)
            traveller["crossings"] = .array(crossings)
            traveller["lastArrival"] = crossings.first { $0["direction"] == "arrival" } ?? .null
            traveller["lastDeparture"] = crossings.first { $0["direction"] == "departure" } ?? .null
            let decisions = try decisionsJSON(
                permits: byStream[1][stream] ?? [], accreditations: byStream[2][stream] ?? [],
                overstay: byStream[3][stream] ?? [])
            for (key, value) in decisions { traveller[key] = value }
            return .object(traveller)
        }
    }

    private func travellersStatement(number: String, nationality: String?) -> PostgresConnection.Statement {
        .init(
            """
            SELECT stream, issuing_state, document_number, nationality, document_code, primary_identifier,
                secondary_identifiers, date_of_birth, sex, date_of_expiry, in_country, anomalies, last_position,
                authorised_until::text
            FROM \(schema).travellers
            WHERE document_number = $1 AND ($2::text IS NULL OR nationality = $2)
            ORDER BY nationality, issuing_state
            """,
            [number, nationality])
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

    /// The last `limit` crossings of each stream that `matching` (a query on $1 and $2) selects,
    /// newest first, the stream last.
    private func crossingsStatement(matching: String, limit: Int) -> PostgresConnection.Statement {
        .init(
            """
            SELECT position, direction, port, carrier, flight, purpose,
                (extract(epoch FROM occurred_at) * 1000000)::bigint,
                (extract(epoch FROM recorded_at) * 1000000)::bigint, anomalies, version, voided, corrected, stream
            FROM (
                SELECT c.*, row_number() OVER (PARTITION BY stream ORDER BY occurred_at DESC, position DESC) AS n
                FROM \(schema).crossings c WHERE stream IN (\(matching))
            ) AS c
            WHERE n <= $3
            ORDER BY stream, occurred_at DESC, position DESC
            """,
            [String(limit)])
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
