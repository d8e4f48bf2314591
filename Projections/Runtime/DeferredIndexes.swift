import Postgres

/// Indexes of a read model dropped while it is built from the log and made again at the end:
/// one sort per index instead of an index entry per row written, and for a GIN index, one
/// build instead of a pending list flushed again and again.
struct DeferredIndexes {
    /// The statements that make the indexes again, as PostgreSQL describes them.
    let definitions: [String]

    /// Drops the indexes of `names` that exist in `projection`'s schema, keeping their definitions.
    static func drop(_ names: [String], of projection: any Projection, on connection: PostgresConnection) throws
        -> DeferredIndexes
    {
        guard !names.isEmpty else { return DeferredIndexes(definitions: []) }
        let rows = try connection.query(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = ANY($2::text[])",
            [projection.schema, PostgresArray.literal(names)], context: "read indexes for readers")
        for row in rows {
            try connection.execute(
                "DROP INDEX \(projection.schema).\(try row.string(0))", context: "drop an index for readers")
        }
        return DeferredIndexes(definitions: try rows.map { try $0.string(1) })
    }

    func create(on connection: PostgresConnection) throws {
        for definition in definitions { try connection.execute(definition, context: "make an index for readers") }
    }
}
