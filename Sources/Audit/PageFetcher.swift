import Foundation
import Postgres

/// Fetches pages of events (binary format) in position order on a thread of its own, one page ahead of the
/// reader, so that reading from the database and hashing overlap.
final class PageFetcher: @unchecked Sendable {
    static let sql = """
        SELECT position, stream, version, type, schema_version, data, metadata, occurred_at, recorded_at,
            command_id, hash
        FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3
        """

    private let condition = NSCondition()
    private var ready: Result<PostgresResult?, any Error>?
    private var cancelled = false
    private let finished = DispatchSemaphore(value: 0)

    init(connection: PostgresConnection, after start: Int64, through end: Int64, pageSize: Int) {
        Thread { [self] in
            defer { finished.signal() }
            var cursor = start
            while true {
                let outcome = Result { () throws -> PostgresResult? in
                    guard cursor < end else { return nil }
                    let page = try connection.result(
                        Self.sql, [String(cursor), String(end), String(pageSize)], binary: true,
                        context: "read events")
                    return page.rowCount == 0 ? nil : page
                }
                if case .success(let page?) = outcome {
                    cursor = page.binaryInteger(row: page.rowCount - 1, column: 0) ?? end
                }
                guard hand(outcome), case .success(.some) = outcome else { return }
            }
        }.start()
    }

    /// The next page; nil after the last one.
    func next() throws -> PostgresResult? {
        condition.lock()
        defer { condition.unlock() }
        while ready == nil { condition.wait() }
        let outcome = ready!
        ready = nil
        condition.broadcast()
        return try outcome.get()
    }

    /// Stops fetching and waits for a query in flight, so the connection is free when it returns.
    func cancel() {
        condition.lock()
        cancelled = true
        ready = nil
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    /// Waits until the reader took the previous page; false when the reader is gone.
    private func hand(_ outcome: Result<PostgresResult?, any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready != nil && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready = outcome
        condition.broadcast()
        return true
    }
}
