import Postgres

extension StatisticsPage {
    func insertCrossings() -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).crossings (position, traveller, direction, port, nationality, purpose,
                occurred_at, day, overstayed)
            SELECT p, t, d, po, n, pu, TIMESTAMPTZ 'epoch' + o * INTERVAL '1 microsecond', day::date, ov
            FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                $8::text[], $9::boolean[]) AS c(p, t, d, po, n, pu, o, day, ov)
            """,
            [
                literal(crossings.map { String($0.position) }), literal(crossings.map { String($0.traveller) }),
                literal(crossings.map(\.bucket.direction)), literal(crossings.map(\.bucket.port)),
                literal(crossings.map(\.bucket.nationality)), literal(crossings.map(\.bucket.purpose)),
                literal(crossings.map { String($0.crossing.occurredAt.microseconds) }),
                literal(crossings.map(\.bucket.day.description)),
                literal(crossings.map { String($0.crossing.anomalies.contains(.overstayed)) }),
            ])
    }

    /// Adds each bucket's count; every bucket appears once, so no row is changed twice.
    func count(_ buckets: [CrossingBucket: Int64], into table: String, key: String) -> PostgresConnection.Statement {
        let rows = Array(buckets)
        return .init(
            """
            INSERT INTO \(schema).\(table) (\(key), port, nationality, purpose, direction, crossings)
            SELECT k::date, p, n, pu, d, c
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
                AS b(k, p, n, pu, d, c)
            ON CONFLICT (\(key), port, nationality, purpose, direction)
            DO UPDATE SET crossings = \(table).crossings + excluded.crossings
            """,
            [
                literal(rows.map(\.key.day.description)), literal(rows.map(\.key.port)),
                literal(rows.map(\.key.nationality)), literal(rows.map(\.key.purpose)),
                literal(rows.map(\.key.direction)), literal(rows.map { String($0.value) }),
            ])
    }

    func insertPermits() -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).permits (traveller, id, kind, category)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
            """,
            [
                literal(permits.map { String($0.traveller) }), literal(permits.map(\.permit.id)),
                literal(permits.map(\.permit.kind.rawValue)), literal(permits.map(\.permit.category)),
            ])
    }

    func countDecisions() -> PostgresConnection.Statement {
        let rows = Array(decisions)
        return .init(
            """
            INSERT INTO \(schema).permit_decisions_daily (day, kind, category, decision, decisions)
            SELECT d::date, k, c, de, n
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS b(d, k, c, de, n)
            ON CONFLICT (day, kind, category, decision)
            DO UPDATE SET decisions = permit_decisions_daily.decisions + excluded.decisions
            """,
            [
                literal(rows.map(\.key.day.description)), literal(rows.map(\.key.kind)),
                literal(rows.map(\.key.category)), literal(rows.map(\.key.decision)),
                literal(rows.map { String($0.value) }),
            ])
    }

    /// Each traveller's last flag or clearance of the run.
    func setFlags() -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).travellers (traveller, overstay_flagged)
            SELECT * FROM unnest($1::bigint[], $2::boolean[])
            ON CONFLICT (traveller) DO UPDATE SET overstay_flagged = excluded.overstay_flagged
            """,
            [literal(flagOrder.map { String($0) }), literal(flagOrder.map { String(flags[$0]!) })])
    }

    private func literal(_ values: [String]) -> String { PostgresArray.literal(values) }
}
