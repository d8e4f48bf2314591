import JSON
import Postgres

extension OfficerLookup {
    /// The queries for the permits, accreditations and overstay flag on a traveller's record.
    func decisionStatements(stream: String) -> [PostgresConnection.Statement] {
        [
            .init(
                """
                SELECT id, kind, category, valid_from::text, valid_until::text, maximum_stay_days, on_arrival,
                    cancelled
                FROM \(schema).permits WHERE stream = $1 ORDER BY valid_from DESC, id
                """, [stream]),
            .init(
                """
                SELECT id, summit, delegation, role, valid_from::text, valid_until::text, revoked
                FROM \(schema).accreditations WHERE stream = $1 ORDER BY valid_from DESC, id
                """, [stream]),
            .init("SELECT flagged FROM \(schema).overstays WHERE stream = $1", [stream]),
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
