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
        let rows = try connection.query(sql(projection.schema), context: "measure lag")
        guard let row = rows.first else { throw ProjectionError(.database, "\(projection.name): no checkpoint row") }
        return ProjectionLag(
            name: projection.name, head: try row.int64(0), checkpoint: try row.int64(1),
            seconds: max(0, Double(try row.string(2)) ?? 0), hasOwner: try row.bool(3))
    }

    /// One row from single-row tables, each read by a subquery and the whole limited to one row:
    /// the planner, which knows nothing of a new read model's tables, would otherwise cost joins
    /// of them at millions and compile the statement (JIT), some 200 ms for every measure.
    static func sql(_ schema: String) -> String {
        """
        SELECT (SELECT position FROM log_head), c.position,
            coalesce((
                SELECT extract(epoch FROM clock_timestamp() - e.recorded_at)::float8
                FROM events e WHERE e.position = c.position + 1), 0),
            coalesce((
                SELECT l.holder IS NOT NULL AND l.expires_at > clock_timestamp() FROM \(schema).lease l LIMIT 1),
                FALSE)
        FROM \(schema).checkpoint c
        LIMIT 1
        """
    }
}
