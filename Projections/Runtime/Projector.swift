import EventStore
import Foundation
import Postgres
import Synchronization

/// Follows the log for one projection: reads after the checkpoint in position order, applies a
/// batch and moves the checkpoint in the same transaction, then waits for a NOTIFY or the poll
/// interval, whichever comes first.
///
/// The checkpoint row is locked for the whole batch, so two projectors for the same read model
/// never apply the same event: the second waits for the first's commit and reads after it.
public final class Projector: Sendable {
    public struct Configuration: Sendable {
        public var batchSize: Int = 500
        public var pollIntervalMilliseconds: Int32 = 500
        /// Stop at this position (a rebuild up to a moment); nil follows the log without end.
        public var lastPosition: Int64?
        /// Apply only the events this admits (the checkpoint still passes the others); nil
        /// applies every event. Used to rebuild a read model as of an occurred-at moment.
        public var admits: (@Sendable (RecordedEvent) -> Bool)?
        /// A long-running projector takes a read-model snapshot, in the background, once its
        /// checkpoint is this many events past the latest snapshot; 0 takes none.
        public var snapshotEvery: Int64
        /// ... and no sooner than this after the last one it took or tried to take.
        public var snapshotInterval: Duration
        /// How many snapshots of the read model are kept: taking one removes the oldest.
        public var snapshotsKept: Int

        public init(
            batchSize: Int = 500, pollIntervalMilliseconds: Int32 = 500, lastPosition: Int64? = nil,
            admits: (@Sendable (RecordedEvent) -> Bool)? = nil, snapshotEvery: Int64 = 0,
            snapshotInterval: Duration = .zero, snapshotsKept: Int = 3
        ) {
            self.batchSize = batchSize
            self.pollIntervalMilliseconds = pollIntervalMilliseconds
            self.lastPosition = lastPosition
            self.admits = admits
            self.snapshotEvery = snapshotEvery
            self.snapshotInterval = snapshotInterval
            self.snapshotsKept = snapshotsKept
        }
    }

    public let projection: any Projection
    let configuration: Configuration
    /// This process's claim on the read model when it runs as a long-lived projector.
    public let lease: Lease
    let store = EventStore()
    private let stopping = Atomic<Bool>(false)
    /// Whether a read-model snapshot is being taken in the background, and the position of the
    /// last one taken there.
    let snapshotting = Atomic<Bool>(false)
    let backgroundSnapshot = Atomic<Int64>(0)

    public init(projection: any Projection, configuration: Configuration = .init()) {
        self.projection = projection
        self.configuration = configuration
        self.lease = Lease(schema: projection.schema, holder: Lease.holderName(), seconds: 5)
    }

    /// Asks `run` to return after the batch in progress. Safe from any thread.
    public func stop() { stopping.store(true, ordering: .relaxed) }

    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Applies at most one batch; returns how many events it applied. With a `lease`, the batch
    /// applies nothing unless this projector still holds it.
    public func runBatch(on connection: PostgresConnection) throws -> Int {
        try runBatch(on: connection, lease: nil)
    }

    /// As `runBatch(on:)`, taking its events from `reader` when it has read them ahead.
    func runBatch(on connection: PostgresConnection, reader: PageReader?) throws -> Int {
        try runBatch(on: connection, lease: nil, reader: reader)
    }

    func runBatch(on connection: PostgresConnection, lease: Lease?, reader: PageReader? = nil) throws -> Int {
        try connection.withTransaction(context: "\(projection.name) batch") { connection in
            if let lease, try !lease.isHeld(on: connection) {
                throw ProjectionError(.leaseLost, "\(projection.name): the lease passed to another projector")
            }
            let checkpoint = try lockCheckpoint(on: connection)
            guard checkpoint >= 0 else { return 0 }
            var limit = configuration.batchSize
            if let end = configuration.lastPosition { limit = Int(min(Int64(limit), max(0, end - checkpoint))) }
            guard limit > 0 else { return 0 }
            let ahead = reader?.page(after: checkpoint, limit: limit)
            let read = try ahead?.events ?? store.read(after: checkpoint, limit: limit, on: connection)
            // Positions are dense; a gap means the log was tampered with. Apply up to it, then
            // stop there rather than skip what is missing.
            let dense = read.indices.first { read[$0].position != checkpoint + 1 + Int64($0) } ?? read.count
            let events = dense == read.count ? read : Array(read.prefix(dense))
            guard let last = events.last else {
                guard read.isEmpty else {
                    throw ProjectionError(
                        .gapInLog, "\(projection.name): position \(checkpoint + 1) is missing from the log")
                }
                return 0
            }
            // Statements made ahead are for the whole page: a page cut at a gap is applied here.
            if let statements = ahead?.statements, events.count == read.count {
                if !statements.isEmpty {
                    try connection.pipeline(statements, context: "apply a page of \(projection.name)")
                }
            } else {
                try projection.apply(events.admitted(by: configuration.admits), on: connection)
            }
            try connection.query(
                "UPDATE \(projection.schema).checkpoint SET position = $1, updated_at = clock_timestamp()",
                [String(last.position)], context: "move checkpoint")
            return events.count
        }
    }

    /// The position this read model has applied up to.
    public func checkpoint(on connection: PostgresConnection) throws -> Int64 {
        let rows = try connection.query(
            "SELECT position FROM \(projection.schema).checkpoint", context: "read checkpoint")
        return try rows.first?.int64(0) ?? 0
    }

    /// The position from the checkpoint row, locked for the batch; -1 when the read model was
    /// switched to a rebuilt version while this projector waited (the batch then does nothing).
    private func lockCheckpoint(on connection: PostgresConnection) throws -> Int64 {
        let rows = try connection.query(
            "SELECT position FROM \(projection.schema).checkpoint FOR UPDATE", context: "lock checkpoint")
        guard let row = rows.first else {
            throw ProjectionError(.database, "\(projection.name): no checkpoint row; run `border migrate`")
        }
        return try row.int64(0)
    }
}

extension [RecordedEvent] {
    /// The events that `admits`; all of them, without copying one, when there is no filter.
    func admitted(by admits: (@Sendable (RecordedEvent) -> Bool)?) -> [RecordedEvent] {
        guard let admits else { return self }
        return filter(admits)
    }
}
