import EventStore
import JSON
import Postgres

/// Reads and writes `aggregate_snapshots`: at most one snapshot per stream and schema version.
public struct SnapshotStore: Sendable {
    public init() {}

    /// The snapshot of `stream` taken with `schemaVersion`, if there is one, and the stream's
    /// events after it (all of them without one), in version order: one query, one round trip.
    public func loadWithTail(stream: String, schemaVersion: Int32, on connection: PostgresConnection) throws
        -> (snapshot: (version: Int64, state: JSON)?, tail: [RecordedEvent])
    {
        // One row at least (the snapshot's columns), and one per event after the snapshot.
        let result = try connection.result(
            """
            SELECT s.version, s.state, \(EventStore.eventColumns)
            FROM (SELECT 1) AS one
            LEFT JOIN aggregate_snapshots AS s ON s.stream = $1 AND s.schema_version = $2
            LEFT JOIN LATERAL (
                SELECT * FROM events WHERE stream = $1 AND version > coalesce(s.version, 0)
            ) AS e ON TRUE
            ORDER BY e.version
            """, [stream, String(schemaVersion)], binary: true, context: "read snapshot and tail")
        var snapshot: (version: Int64, state: JSON)?
        if result.rowCount > 0, let version = result.binaryInteger(row: 0, column: 0) {
            snapshot = (version, try JSON.parse(result.bytes(row: 0, column: 1)))
        }
        let tail = try (0..<result.rowCount).filter { !result.isNull(row: $0, column: 2) }.map {
            try EventStore.event(from: result, row: $0, offset: 2)
        }
        return (snapshot, tail)
    }

    /// Keeps the snapshot unless a newer one is already stored.
    public func save(
        stream: String, schemaVersion: Int32, version: Int64, state: JSON, on connection: PostgresConnection
    ) throws {
        try connection.query(
            """
            INSERT INTO aggregate_snapshots (stream, schema_version, version, state)
            VALUES ($1, $2, $3, $4::json)
            ON CONFLICT (stream, schema_version) DO UPDATE
                SET version = excluded.version, state = excluded.state, taken_at = clock_timestamp()
                WHERE aggregate_snapshots.version < excluded.version
            """,
            [stream, String(schemaVersion), String(version), state.serializedString()], context: "save snapshot")
    }
}
