import Postgres
import Snapshots

extension Projection {
    /// The read model as its snapshots know it: its name, the number of its latest migration,
    /// its schema and tables.
    public func snapshotModel() throws -> ReadModelSnapshots.ReadModel {
        ReadModelSnapshots.ReadModel(
            projection: name, schemaVersion: try migrations().last?.number ?? 0, schema: schema,
            tables: checksumTables.map(\.name))
    }
}

extension Projector {
    /// Copies the read model into a read-model snapshot at its checkpoint now, and keeps the
    /// latest `snapshotsKept`. Nil when the read model has applied nothing yet.
    @discardableResult
    public func takeSnapshot(on connection: PostgresConnection) throws -> ReadModelSnapshots.Taken? {
        try ReadModelSnapshots().take(
            try projection.snapshotModel(), keeping: max(1, configuration.snapshotsKept), on: connection)
    }

    /// Takes a read-model snapshot when the batch moved the checkpoint past a multiple of
    /// `snapshotEvery`.
    public func snapshotIfDue(after before: Int64, on connection: PostgresConnection, log: (String) -> Void) throws {
        let every = configuration.snapshotEvery
        guard every > 0 else { return }
        let now = try checkpoint(on: connection)
        guard now / every > before / every, let taken = try takeSnapshot(on: connection), taken.isNew else { return }
        log(
            "read-model snapshot taken projection=\(projection.name) position=\(taken.position) rows=\(taken.rows)"
                + " removed=\(taken.removed)")
    }
}
