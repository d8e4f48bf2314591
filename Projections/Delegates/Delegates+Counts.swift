import JSON
import Postgres

/// Delegations counted at query time from the delegates' rows, joined with the member states.
extension Delegates {
    /// The counts, by JSON name: movements are of accreditations not revoked (`arrived` is
    /// `inCountry` plus `departed`; `accredited` is `arrived` plus `expected`), `revoked` apart.
    static let counts: [(name: String, sql: String)] = [
        ("accredited", "count(*) FILTER (WHERE NOT revoked)"),
        ("arrived", "count(*) FILTER (WHERE NOT revoked AND status IN ('in-country', 'departed'))"),
        ("inCountry", "count(*) FILTER (WHERE NOT revoked AND status = 'in-country')"),
        ("departed", "count(*) FILTER (WHERE NOT revoked AND status = 'departed')"),
        ("expected", "count(*) FILTER (WHERE status = 'expected')"),
        ("revoked", "count(*) FILTER (WHERE revoked)"),
        ("mismatched", "count(*) FILTER (WHERE NOT revoked AND mismatch)"),
    ]

    /// Member states and delegations accredited to `summit` (only `code`'s, when given).
    func counted(summit: String, code: String?, on connection: PostgresConnection) throws -> [JSON] {
        let members = try Self.memberStates()
        let aggregates = Self.counts.enumerated().map { "\($1.sql) AS c\($0)" }.joined(separator: ", ")
        let selected = Self.counts.indices.map { "coalesce(c.c\($0), 0)" }.joined(separator: ", ")
        let rows = try connection.query(
            """
            WITH members AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS m (code, name, region)
            ), counted AS (
                SELECT delegation, \(aggregates) FROM \(schema).delegates
                WHERE summit = $1 AND ($5::text IS NULL OR delegation = $5) GROUP BY delegation
            )
            SELECT coalesce(m.code, c.delegation), m.name, m.region, \(selected)
            FROM members AS m FULL JOIN counted AS c ON c.delegation = m.code
            WHERE $5::text IS NULL OR coalesce(m.code, c.delegation) = $5
            ORDER BY 1
            """,
            [
                summit, PostgresArray.literal(members.map(\.code)), PostgresArray.literal(members.map(\.name)),
                PostgresArray.literal(members.map(\.region)), code,
            ], context: "count delegations")
        return try rows.map { row in
            var delegation: [String: JSON] = [
                "code": .string(try row.string(0)), "name": .optional(row[1]), "region": .optional(row[2]),
                "member": .bool(row[1] != nil),
            ]
            for (index, count) in Self.counts.enumerated() { delegation[count.name] = .int(try row.int64(3 + index)) }
            return .object(delegation)
        }
    }

    /// The crossings of each delegate of a delegation that occurred in its summit window, voided
    /// ones marked, newest first; keyed by `[stream, accreditationId]`.
    func windowCrossings(summit: String, delegation: String, on connection: PostgresConnection) throws
        -> [[String]: [JSON]]
    {
        let rows = try connection.query(
            """
            SELECT d.stream, d.accreditation_id, c.position, c.version, c.direction, c.port, c.carrier, c.flight,
                (extract(epoch FROM c.occurred_at) * 1000000)::bigint, c.anomalies, c.corrected, c.voided
            FROM \(schema).delegates AS d
            JOIN \(schema).crossings AS c ON c.stream = d.stream
                AND c.day BETWEEN d.valid_from - $3::integer AND d.valid_until + $3::integer
            WHERE d.summit = $1 AND d.delegation = $2
            ORDER BY c.occurred_at DESC, c.position DESC
            """, [summit, delegation, String(Self.windowDays)], context: "read delegation crossings")
        var crossings = [[String]: [JSON]]()
        for row in rows {
            crossings[[try row.string(0), try row.string(1)], default: []].append([
                "position": .int(try row.int64(2)), "version": .int(try row.int64(3)),
                "direction": .string(try row.string(4)), "port": .string(try row.string(5)),
                "carrier": .optional(row[6]), "flight": .optional(row[7]), "occurredAt": Self.time(try row.int64(8)),
                "anomalies": .array(PostgresArray.parse(try row.string(9)).map { .string($0) }),
                "corrected": .bool(try row.bool(10)), "voided": .bool(try row.bool(11)),
            ])
        }
        return crossings
    }
}
