import EventStore
import Foundation
import JSON
import Postgres

/// How to rebuild one kind of aggregate: from nothing, from a snapshot, event by event, and how
/// to snapshot it. `stateSchemaVersion` changes whenever the snapshot's shape or meaning
/// changes; snapshots of any other version are ignored.
public struct AggregateKind<Aggregate>: Sendable {
    public var stateSchemaVersion: Int32
    public var empty: @Sendable () -> Aggregate
    public var restore: @Sendable (JSON) throws -> Aggregate
    public var snapshot: @Sendable (Aggregate) -> JSON
    public var apply: @Sendable (inout Aggregate, RecordedEvent) throws -> Void

    public init(
        stateSchemaVersion: Int32, empty: @escaping @Sendable () -> Aggregate,
        restore: @escaping @Sendable (JSON) throws -> Aggregate, snapshot: @escaping @Sendable (Aggregate) -> JSON,
        apply: @escaping @Sendable (inout Aggregate, RecordedEvent) throws -> Void
    ) {
        self.stateSchemaVersion = stateSchemaVersion
        self.empty = empty
        self.restore = restore
        self.snapshot = snapshot
        self.apply = apply
    }
}

/// Loads an aggregate as its latest snapshot plus the events after it, and takes a new snapshot
/// once `snapshotEvery` events were replayed past the last one.
public struct AggregateLoader<Aggregate>: Sendable {
    public let store: EventStore
    public let kind: AggregateKind<Aggregate>
    /// Take a snapshot when at least this many events were replayed; 0 turns snapshots off.
    public let snapshotEvery: Int
    let snapshots = SnapshotStore()

    public init(store: EventStore, kind: AggregateKind<Aggregate>, snapshotEvery: Int) {
        self.store = store
        self.kind = kind
        self.snapshotEvery = snapshotEvery
    }

    /// The aggregate and the stream version it reflects (0 for a stream with no events): the
    /// snapshot and the events after it in one query.
    public func load(stream: String, on connection: PostgresConnection) throws -> (aggregate: Aggregate, version: Int64)
    {
        var aggregate = kind.empty()
        var version: Int64 = 0
        var tail: [RecordedEvent]
        if snapshotEvery > 0 {
            let read = try snapshots.loadWithTail(
                stream: stream, schemaVersion: kind.stateSchemaVersion, on: connection)
            tail = read.tail
            if let stored = read.snapshot, let restored = try? kind.restore(stored.state) {
                aggregate = restored
                version = stored.version
            } else if read.snapshot != nil {
                // A snapshot that no longer restores is ignored: the stream is read from its start.
                tail = try store.read(stream: stream, on: connection)
            }
        } else {
            tail = try store.read(stream: stream, on: connection)
        }
        for recorded in tail {
            try kind.apply(&aggregate, recorded)
            version = recorded.version
        }
        if snapshotEvery > 0 && tail.count >= snapshotEvery {
            try snapshots.save(
                stream: stream, schemaVersion: kind.stateSchemaVersion, version: version,
                state: kind.snapshot(aggregate), on: connection)
        }
        return (aggregate, version)
    }

    /// The snapshot table's migrations.
    public static func migrations() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw EventStoreError(.corrupt, "the snapshot migrations are missing from the build")
        }
        return try Migration.load(component: "snapshots", from: folder)
    }
}
