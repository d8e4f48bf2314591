import Postgres

/// Copies of read-model tables at a log position, for as-of rebuilds that start part of the way
/// along the log: a header per snapshot (`read_model_snapshot_headers`) and one JSON value per
/// read-model row (`read_model_snapshot_rows`). Rows are copied and restored by INSERT ... SELECT
/// inside the database; none passes through the client, and none is held in memory with another.
public struct ReadModelSnapshots: Sendable {
    /// A read model as its snapshots know it.
    public struct ReadModel: Sendable {
        /// The projection's name (`officer-lookup`), whatever schema it lives in.
        public var projection: String
        /// The number of the read model's latest migration: a snapshot restores only into
        /// tables of the version it was taken from.
        public var schemaVersion: Int
        public var schema: String
        public var tables: [String]

        public init(projection: String, schemaVersion: Int, schema: String, tables: [String]) {
            self.projection = projection
            self.schemaVersion = schemaVersion
            self.schema = schema
            self.tables = tables
        }
    }

    /// What `take` did.
    public struct Taken: Sendable, Equatable {
        public var position: Int64
        /// Rows copied, over every table.
        public var rows: Int
        /// False when a snapshot at this position was kept already (nothing was copied).
        public var isNew: Bool
        /// Older snapshots removed to keep the number kept.
        public var removed: Int
    }

    public init() {}

    /// Copies the tables of `model` as they stand at its checkpoint, in one snapshot of the
    /// database, then keeps only the latest `kept` snapshots of this version of the read model
    /// (and none of an earlier version). Nil when the read model has applied nothing yet.
    @discardableResult
    public func take(_ model: ReadModel, keeping kept: Int, on connection: PostgresConnection) throws -> Taken? {
        precondition(kept >= 1, "a snapshot just taken is always kept")
        return try connection.withTransaction(
            context: "take read-model snapshot", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        ) { connection in
            let position = try connection.query("SELECT position FROM \(model.schema).checkpoint")[0].int64(0)
            guard position > 0 else { return nil }
            let header = try connection.query(
                """
                INSERT INTO read_model_snapshot_headers (projection, schema_version, position) VALUES ($1, $2, $3)
                ON CONFLICT (projection, schema_version, position) DO NOTHING
                RETURNING id
                """, [model.projection, String(model.schemaVersion), String(position)],
                context: "take read-model snapshot")
            guard let id = try header.first?.int64(0) else {
                return Taken(position: position, rows: 0, isNew: false, removed: 0)
            }
            var rows = 0
            for table in model.tables {
                rows += try connection.rowsChanged(
                    by: """
                        INSERT INTO read_model_snapshot_rows (snapshot, table_name, data)
                        SELECT $1, $2, to_json(t) FROM \(model.schema).\(table) t
                        """, [String(id), table], context: "copy \(table) into a read-model snapshot")
            }
            let removed = try connection.rowsChanged(
                by: """
                    DELETE FROM read_model_snapshot_headers
                    WHERE projection = $1 AND schema_version <= $2 AND id NOT IN (
                        SELECT id FROM read_model_snapshot_headers WHERE projection = $1 AND schema_version = $2
                        ORDER BY position DESC LIMIT $3)
                    """, [model.projection, String(model.schemaVersion), String(kept)],
                context: "remove older read-model snapshots")
            return Taken(position: position, rows: rows, isNew: true, removed: removed)
        }
    }

    /// The position of the latest snapshot of this version of the read model, and how long ago
    /// it was taken; nil when there is none.
    public func latest(of model: ReadModel, on connection: PostgresConnection) throws
        -> (position: Int64, age: Duration)?
    {
        let rows = try connection.query(
            """
            SELECT position, (extract(epoch FROM clock_timestamp() - taken_at) * 1000)::bigint
            FROM read_model_snapshot_headers WHERE projection = $1 AND schema_version = $2
            ORDER BY position DESC LIMIT 1
            """, [model.projection, String(model.schemaVersion)], context: "read latest read-model snapshot")
        guard let row = rows.first else { return nil }
        return (try row.int64(0), .milliseconds(try row.int64(1)))
    }

    /// Restores the latest snapshot of this version of the read model at or before `position`
    /// into the tables of `model.schema` (which must be empty) and moves its checkpoint there.
    /// Returns the snapshot's position, or nil when there is none.
    public func restore(_ model: ReadModel, atOrBefore position: Int64, on connection: PostgresConnection) throws
        -> Int64?
    {
        // Repeatable read: a projector removing this snapshot meanwhile cannot take rows away
        // from under the restore.
        try connection.withTransaction(
            context: "restore read-model snapshot", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        ) { connection in
            let found = try connection.query(
                """
                SELECT id, position FROM read_model_snapshot_headers
                WHERE projection = $1 AND schema_version = $2 AND position <= $3
                ORDER BY position DESC LIMIT 1
                """, [model.projection, String(model.schemaVersion), String(position)],
                context: "find read-model snapshot")
            guard let header = found.first else { return nil }
            let id = try header.int64(0)
            for table in model.tables {
                let (columns, values) = try insertableColumns(of: "\(model.schema).\(table)", on: connection)
                try connection.rowsChanged(
                    by: """
                        INSERT INTO \(model.schema).\(table) (\(columns))
                        SELECT \(values) FROM read_model_snapshot_rows AS kept
                        CROSS JOIN LATERAL json_populate_record(NULL::\(model.schema).\(table), kept.data) AS r
                        WHERE kept.snapshot = $1 AND kept.table_name = $2
                        """, [String(id), table], context: "restore \(table) from a read-model snapshot")
            }
            let snapshot = try header.int64(1)
            try connection.rowsChanged(
                by: "UPDATE \(model.schema).checkpoint SET position = $1", [String(snapshot)],
                context: "move checkpoint to the read-model snapshot")
            return snapshot
        }
    }

    /// The columns of `table` an INSERT may name (generated columns are computed, not given),
    /// as a list and as the same list read from the record `r`.
    private func insertableColumns(of table: String, on connection: PostgresConnection) throws
        -> (columns: String, values: String)
    {
        let rows = try connection.query(
            """
            SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
                string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum)
            FROM pg_attribute
            WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            """, [table], context: "read columns of \(table)")
        return (try rows[0].string(0), try rows[0].string(1))
    }
}
