import EventStore
import Postgres

/// How far a read model is behind the log: in events (head minus checkpoint) and in seconds
/// (how long ago the oldest event it has not applied was recorded; 0 when caught up).
public struct ProjectionLag: Sendable, Equatable {
    public var name: String
    public var head: Int64
    public var checkpoint: Int64
    public var seconds: Double
    /// Whether a projector holds an unexpired lease on the read model.
    public var hasOwner: Bool

    public var events: Int64 { head - checkpoint }

    public static func measure(_ projection: any Projection, on connection: PostgresConnection) throws -> ProjectionLag
    {
        let rows = try connection.query(
            """
            SELECT h.position, c.position,
                coalesce(extract(epoch FROM clock_timestamp() - e.recorded_at)::float8, 0),
                coalesce(l.holder IS NOT NULL AND l.expires_at > clock_timestamp(), FALSE)
            FROM log_head h
            CROSS JOIN \(projection.schema).checkpoint c
            LEFT JOIN \(projection.schema).lease l ON TRUE
            LEFT JOIN events e ON e.position = c.position + 1
            """, context: "measure lag")
        guard let row = rows.first else { throw ProjectionError(.database, "\(projection.name): no checkpoint row") }
        return ProjectionLag(
            name: projection.name, head: try row.int64(0), checkpoint: try row.int64(1),
            seconds: max(0, Double(try row.string(2)) ?? 0), hasOwner: try row.bool(3))
    }
}
