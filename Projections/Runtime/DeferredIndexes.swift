import Dispatch
import Foundation
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

    /// Makes the indexes again, two at a time when a second connection can be opened beside
    /// `connection` (each index build is one backend's work); the trigram (GIN) indexes, the
    /// slowest, first.
    func create(on connection: PostgresConnection) throws {
        let work = IndexWork(definitions.sorted { $0.contains(" USING gin ") && !$1.contains(" USING gin ") })
        guard definitions.count > 1, let second = try? connection.duplicate() else {
            return try work.make(on: connection)
        }
        defer { second.close() }
        let connections = [connection, second]
        DispatchQueue.concurrentPerform(iterations: connections.count) { work.makeOrRecord(on: connections[$0]) }
        if let failure = work.failure { throw failure }
    }
}

/// The index definitions still to make, taken one at a time by each connection at work.
private final class IndexWork: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: ArraySlice<String>
    private(set) var failure: (any Error)?

    init(_ definitions: [String]) { remaining = definitions[...] }

    func make(on connection: PostgresConnection) throws {
        while let definition = next() { try connection.execute(definition, context: "make an index for readers") }
    }

    /// As `make`; the first failure stops every connection after the index it is making.
    func makeOrRecord(on connection: PostgresConnection) {
        do { try make(on: connection) } catch {
            lock.withLock {
                failure = failure ?? error
                remaining = []
            }
        }
    }

    private func next() -> String? {
        lock.withLock { remaining.popFirst() }
    }
}
