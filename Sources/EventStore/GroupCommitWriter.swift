import Foundation
import Locking
import Postgres
import Synchronization

/// Appends through one connection and one transaction at a time, gathering the requests that
/// arrive while the previous transaction commits into the next one: one disk flush then carries
/// many commands. Each request keeps its own outcome, and a caller is answered only after the
/// transaction holding its events has committed (synchronous commit stays on).
///
/// Callers block (they are libmicrohttpd or benchmark threads, never Swift's cooperative pool).
public final class GroupCommitWriter: @unchecked Sendable {
    private let conninfo: String
    private let options: [String: String]
    private let store: EventStore
    private let maxEventsPerBatch: Int
    private let condition = NSCondition()
    private var queue = [Ticket]()
    private var stopped = false
    private var connection: PostgresConnection?
    private let onOutage: @Sendable (EventStoreError) -> Void
    private let counters = Atomic<Int>(0)
    private let committedRequests = Atomic<Int>(0)
    /// Transactions by the number of commands they carried, in buckets of at most 1, 2, 4, ... 256
    /// commands and more (the last): a histogram of the batching.
    public static let batchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    private let batchCounts = Locked([Int](repeating: 0, count: GroupCommitWriter.batchBuckets.count + 1))

    /// How many transactions carried at most each of `batchBuckets` commands (not cumulative;
    /// the last count is for larger batches).
    public var batchSizes: [Int] { batchCounts.withLock { $0 } }

    /// Transactions run so far, and requests they carried: their ratio is the batching achieved.
    public var statistics: (transactions: Int, requests: Int) {
        (counters.load(ordering: .relaxed), committedRequests.load(ordering: .relaxed))
    }

    /// `onOutage` is told once when the database becomes unreachable (not once per command).
    public init(
        conninfo: String, options: [String: String] = [:], store: EventStore = EventStore(),
        maxEventsPerBatch: Int = 1000, onOutage: @escaping @Sendable (EventStoreError) -> Void = { _ in }
    ) {
        self.conninfo = conninfo
        self.options = options
        self.store = store
        self.maxEventsPerBatch = maxEventsPerBatch
        self.onOutage = onOutage
        // The thread keeps the writer alive until `shutdown()` lets it finish, and then lets it go:
        // the writer does not keep the thread, which would make a cycle that is never freed.
        let thread = Thread { self.run() }
        thread.name = "border.group-commit"
        thread.start()
    }

    /// Appends and waits for the commit.
    public func append(_ request: AppendRequest) throws(EventStoreError) -> AppendResult {
        try append([request])[0].get()
    }

    /// Appends several requests (each with its own outcome) and waits for their commit.
    public func append(_ requests: [AppendRequest]) -> [Result<AppendResult, EventStoreError>] {
        let tickets = requests.map(Ticket.init)
        condition.lock()
        guard !stopped else {
            condition.unlock()
            return requests.map { _ in .failure(EventStoreError(.unavailable, "the writer is shut down")) }
        }
        queue += tickets
        condition.signal()
        condition.unlock()
        return tickets.map { $0.wait() }
    }

    /// Finishes the requests already queued, then stops the writer thread. Idempotent.
    public func shutdown() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        var reportedOutage = false
        while let batch = nextBatch() {
            let results = appendBatch(batch.map(\.request), reportedOutage: &reportedOutage)
            counters.add(1, ordering: .relaxed)
            committedRequests.add(batch.count, ordering: .relaxed)
            let bucket = Self.batchBuckets.firstIndex { batch.count <= $0 } ?? Self.batchBuckets.count
            batchCounts.withLock { $0[bucket] += 1 }
            for (ticket, result) in zip(batch, results) {
                ticket.complete(result)
            }
        }
        connection?.close()
    }

    private func nextBatch() -> [Ticket]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !stopped {
            condition.wait()
        }
        guard !queue.isEmpty else { return nil }
        var events = 0
        var count = 0
        while count < queue.count, count == 0 || events + queue[count].request.events.count <= maxEventsPerBatch {
            events += queue[count].request.events.count
            count += 1
        }
        let batch = Array(queue.prefix(count))
        queue.removeFirst(count)
        return batch
    }

    private func appendBatch(_ requests: [AppendRequest], reportedOutage: inout Bool)
        -> [Result<AppendResult, EventStoreError>]
    {
        if connection == nil || connection?.isClosed == true {
            do {
                connection = try PostgresConnection(conninfo: conninfo, options: options)
            } catch {
                let failure = EventStoreError(.unavailable, "the event store is unreachable", underlying: error)
                if !reportedOutage { onOutage(failure) }
                reportedOutage = true
                return requests.map { _ in .failure(failure) }
            }
        }
        reportedOutage = false
        return store.append(requests, on: connection!)
    }
}

/// One caller's request, and the outcome it waits for.
private final class Ticket: @unchecked Sendable {
    let request: AppendRequest
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<AppendResult, EventStoreError>?

    init(_ request: AppendRequest) {
        self.request = request
    }

    func complete(_ result: Result<AppendResult, EventStoreError>) {
        self.result = result
        done.signal()
    }

    func wait() -> Result<AppendResult, EventStoreError> {
        done.wait()
        return result!
    }
}
