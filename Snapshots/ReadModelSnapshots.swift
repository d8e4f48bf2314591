import JSON
import Postgres

/// Copies of read-model tables at a log position (`read_model_snapshots`), for as-of rebuilds
/// that start part of the way along the log.
public struct ReadModelSnapshots: Sendable {
    public init() {}

    /// Copies `tables` of `schema` as they stand at the checkpoint, in one snapshot of the
    /// database, and keeps them under `projection`. Returns the position they stand at.
    @discardableResult
    public func take(projection: String, schema: String, tables: [String], on connection: PostgresConnection) throws
        -> Int64
    {
        try connection.withTransaction(context: "take read-model snapshot") { connection in
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            let position = try connection.query("SELECT position FROM \(schema).checkpoint")[0].int64(0)
            var copies = [String]()
            for table in tables {
                let rows = try connection.query("SELECT coalesce(json_agg(t), '[]') FROM \(schema).\(table) t")
                copies.append("\(JSON.string(table).serializedString()):\(try rows[0].string(0))")
            }
            try connection.query(
                """
                INSERT INTO read_model_snapshots (projection, position, tables) VALUES ($1, $2, $3::json)
                ON CONFLICT (projection, position) DO NOTHING
                """, [projection, String(position), "{" + copies.joined(separator: ",") + "}"])
            return position
        }
    }

    /// Restores the latest snapshot at or before `position` into the tables of `schema` (which
    /// must be empty) and moves its checkpoint there. Returns the snapshot's position, or nil
    /// when there is none.
    public func restore(
        projection: String, atOrBefore position: Int64, into schema: String, tables: [String],
        on connection: PostgresConnection
    ) throws -> Int64? {
        try connection.withTransaction(context: "restore read-model snapshot") { connection in
            let found = try connection.query(
                """
                SELECT position FROM read_model_snapshots
                WHERE projection = $1 AND position <= $2 ORDER BY position DESC LIMIT 1
                """, [projection, String(position)])
            guard let snapshot = try found.first?.int64(0) else { return nil }
            for table in tables {
                try connection.query(
                    """
                    INSERT INTO \(schema).\(table)
                    SELECT * FROM json_populate_recordset(NULL::\(schema).\(table),
                        (SELECT tables -> $3 FROM read_model_snapshots WHERE projection = $1 AND position = $2))
                    """, [projection, String(snapshot), table])
            }
            try connection.query("UPDATE \(schema).checkpoint SET position = $1", [String(snapshot)])
            return snapshot
        }
    }
}
