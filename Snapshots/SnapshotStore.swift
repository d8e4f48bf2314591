import JSON
import Postgres

/// Reads and writes `aggregate_snapshots`: at most one snapshot per stream and schema version.
public struct SnapshotStore: Sendable {
    public init() {}

    /// The snapshot of `stream` taken with `schemaVersion`, if there is one.
    public func load(stream: String, schemaVersion: Int32, on connection: PostgresConnection) throws
        -> (version: Int64, state: JSON)?
    {
        let rows = try connection.query(
            "SELECT version, state FROM aggregate_snapshots WHERE stream = $1 AND schema_version = $2",
            [stream, String(schemaVersion)], context: "read snapshot")
        guard let row = rows.first else { return nil }
        return (try row.int64(0), try JSON.parse(Array(try row.string(1).utf8)))
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
