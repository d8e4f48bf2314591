import BorderDomain
import BorderTime
import Postgres

/// How crossings, their corrections and voids change the counts.
extension Statistics {
    func record(_ crossing: Crossing, at position: Int64, traveller: Int64, on connection: PostgresConnection) throws {
        let bucket = CrossingBucket(
            day: crossing.occurredAt.civilDay, port: crossing.port, nationality: crossing.document.nationality,
            purpose: crossing.purpose?.rawValue ?? Self.unstated, direction: crossing.direction.rawValue)
        try connection.query(
            """
            INSERT INTO \(schema).crossings (position, traveller, direction, port, nationality, purpose,
                occurred_at, day, overstayed)
            VALUES ($1, $2, $3, $4, $5, $6, TIMESTAMPTZ 'epoch' + $7::bigint * INTERVAL '1 microsecond', $8::date,
                $9::boolean)
            """,
            [
                String(position), String(traveller), bucket.direction, bucket.port, bucket.nationality,
                bucket.purpose, String(crossing.occurredAt.microseconds), bucket.day.description,
                String(crossing.anomalies.contains(.overstayed)),
            ], context: "insert crossing")
        try count(bucket, +1, on: connection)
        try refreshPresence(of: traveller, on: connection)
    }

    /// The purpose of a crossing recorded without one.
    static let unstated = "unstated"

    /// Moves the corrected crossing's count from its old bucket to its new one. The crossing's
    /// anomalies stay as they were recorded.
    func correct(_ correction: Correction, stream: String, traveller: Int64, on connection: PostgresConnection)
        throws
    {
        guard let position = try position(of: stream, version: correction.target, on: connection),
            let (old, voided) = try fact(at: position, on: connection)
        else { return }
        var new = old
        if let occurredAt = correction.occurredAt { new.day = occurredAt.civilDay }
        if let port = correction.port { new.port = port }
        if let purpose = correction.purpose { new.purpose = purpose.rawValue }
        try connection.query(
            """
            UPDATE \(schema).crossings SET
                occurred_at = coalesce(TIMESTAMPTZ 'epoch' + $2::bigint * INTERVAL '1 microsecond', occurred_at),
                day = $3::date, port = $4, purpose = $5
            WHERE position = $1
            """,
            [
                String(position), correction.occurredAt.map { String($0.microseconds) }, new.day.description,
                new.port, new.purpose,
            ], context: "correct crossing")
        if !voided && new != old {
            try count(old, -1, on: connection)
            try count(new, +1, on: connection)
        }
        try refreshPresence(of: traveller, on: connection)
    }

    /// Takes a voided crossing out of its bucket (once, however often it is voided).
    func void(stream: String, version: Int64, traveller: Int64, on connection: PostgresConnection) throws {
        guard let position = try position(of: stream, version: version, on: connection),
            let (bucket, voided) = try fact(at: position, on: connection), !voided
        else { return }
        try connection.query(
            "UPDATE \(schema).crossings SET voided = TRUE WHERE position = $1", [String(position)],
            context: "void crossing")
        try count(bucket, -1, on: connection)
        try refreshPresence(of: traveller, on: connection)
    }

    private func fact(at position: Int64, on connection: PostgresConnection) throws -> (CrossingBucket, Bool)? {
        let rows = try connection.query(
            """
            SELECT day::text, port, nationality, purpose, direction, voided FROM \(schema).crossings
            WHERE position = $1
            """,
            [String(position)], context: "read crossing")
        guard let row = rows.first, let day = CivilDay(iso: try row.string(0)) else { return nil }
        let bucket = CrossingBucket(
            day: day, port: try row.string(1), nationality: try row.string(2), purpose: try row.string(3),
            direction: try row.string(4))
        return (bucket, try row.bool(5))
    }

    /// Presence and nationality follow the crossing that occurred last, voided ones left out.
    private func refreshPresence(of traveller: Int64, on connection: PostgresConnection) throws {
        let statement = refreshPresence(of: [traveller])
        try connection.query(statement.sql, statement.parameters, context: "refresh presence")
    }

    /// Presence and nationality of `travellers` from their crossings as they stand.
    func refreshPresence(of travellers: [Int64]) -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).travellers (traveller, nationality, in_country)
            SELECT page.traveller, last.nationality, coalesce(last.arrived, FALSE)
            FROM unnest($1::bigint[]) AS page(traveller)
            LEFT JOIN LATERAL (
                SELECT nationality, direction = 'arrival' AS arrived FROM \(schema).crossings
                WHERE traveller = page.traveller AND NOT voided ORDER BY occurred_at DESC, position DESC LIMIT 1
            ) AS last ON TRUE
            ON CONFLICT (traveller) DO UPDATE SET
                nationality = coalesce(excluded.nationality, travellers.nationality), in_country = excluded.in_country
            """, [PostgresArray.literal(travellers.map { String($0) })])
    }
}
