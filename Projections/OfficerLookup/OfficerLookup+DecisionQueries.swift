import JSON
import Postgres

extension OfficerLookup {
    /// The queries for the permits, accreditations and overstay flags of the streams `matching`
    /// (a query on $1 and $2) selects, each row with its stream last.
    func decisionStatements(matching: String) -> [PostgresConnection.Statement] {
        [
            .init(
                """
                SELECT id, kind, category, valid_from::text, valid_until::text, maximum_stay_days, on_arrival,
                    cancelled, stream
                FROM \(schema).permits WHERE stream IN (\(matching)) ORDER BY stream, valid_from DESC, id
                """),
            .init(
                """
                SELECT id, summit, delegation, role, valid_from::text, valid_until::text, revoked, stream
                FROM \(schema).accreditations WHERE stream IN (\(matching)) ORDER BY stream, valid_from DESC, id
                """),
            .init("SELECT flagged, stream FROM \(schema).overstays WHERE stream IN (\(matching))"),
        ]
    }

    /// The answers to `decisionStatements`, for the lookup.
    func decisionsJSON(permits: [PostgresRow], accreditations: [PostgresRow], overstay flagged: [PostgresRow]) throws
        -> [String: JSON]
    {
        return [
            "permits": .array(
                try permits.map { row in
                    [
                        "permitId": .string(try row.string(0)), "kind": .string(try row.string(1)),
                        "category": .string(try row.string(2)), "validFrom": .string(try row.string(3)),
                        "validUntil": .string(try row.string(4)),
                        "maximumStayDays": row[5].flatMap { Int64($0) }.map { .int($0) } ?? .null,
                        "onArrival": .bool(try row.bool(6)), "cancelled": .bool(try row.bool(7)),
                    ]
                }),
            "accreditations": .array(
                try accreditations.map { row in
                    [
                        "accreditationId": .string(try row.string(0)), "summit": .string(try row.string(1)),
                        "delegation": .string(try row.string(2)), "role": .string(try row.string(3)),
                        "validFrom": .string(try row.string(4)), "validUntil": .string(try row.string(5)),
                        "revoked": .bool(try row.bool(6)),
                    ]
                }),
            "overstayFlagged": .bool(try flagged.first?.bool(0) ?? false),
        ]
    }
}
