import Foundation
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

    /// The schedule of a projector that starts following, from the latest snapshot stored.
    func snapshotSchedule(on connection: PostgresConnection) throws -> SnapshotSchedule {
        let every = configuration.snapshotEvery
        let latest =
            every > 0 ? try ReadModelSnapshots().latest(of: try projection.snapshotModel(), on: connection) : nil
        return SnapshotSchedule(every: every, interval: configuration.snapshotInterval, latest: latest)
    }

    /// Starts taking a snapshot on a thread and a connection of its own when one is due at
    /// `position` and none is being taken, so that the projector keeps following the log
    /// meanwhile: a snapshot of a large read model takes minutes.
    func snapshotIfDue(
        _ schedule: inout SnapshotSchedule, at position: Int64,
        connect: @escaping @Sendable () throws -> PostgresConnection, log: @escaping @Sendable (String) -> Void
    ) {
        schedule.taken(at: backgroundSnapshot.load(ordering: .acquiring))
        guard schedule.isDue(at: position), !snapshotting.exchange(true, ordering: .acquiringAndReleasing) else {
            return
        }
        schedule.attempted()
        Thread { [self] in
            defer { snapshotting.store(false, ordering: .releasing) }
            let started = ContinuousClock.now
            do {
                let connection = try connect()
                defer { connection.close() }
                guard let taken = try takeSnapshot(on: connection) else { return }
                backgroundSnapshot.store(taken.position, ordering: .releasing)
                guard taken.isNew else { return }
                let seconds = String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1))
                log(
                    "read-model snapshot taken projection=\(projection.name) position=\(taken.position)"
                        + " rows=\(taken.rows) removed=\(taken.removed) seconds=\(seconds)")
            } catch {
                log("read-model snapshot failed projection=\(projection.name) error=\"\(error)\"")
            }
        }.start()
    }
}
