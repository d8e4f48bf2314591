import JSON
import Postgres

/// The PostgreSQL event log: appends with per-stream optimistic concurrency and idempotent
/// commands, and reads by global position or by stream.
///
/// Positions are assigned under the row lock of `log_head`, taken inside `append` only (with a
/// lock timeout) and held until commit, so the order of positions is the order of commits and
/// there are no gaps.
public struct EventStore: Sendable {
    /// The NOTIFY channel; the payload is the last appended position, never event data.
    public static let channel = "border_events"
    public var lockTimeoutMilliseconds: Int

    public init(lockTimeoutMilliseconds: Int = 5000) {
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
    }

    /// Appends `request` in its own transaction and returns once it is committed (durable).
    public func append(_ request: AppendRequest, on connection: PostgresConnection) throws(EventStoreError)
        -> AppendResult
    {
        try append([request], on: connection)[0].get()
    }

    /// Appends a batch in one transaction, each request with its own outcome, and returns once
    /// the transaction is committed. A request that fails (a stale version, a reused key) fails
    /// alone; if the batch as a whole meets an unexpected database error, each request is tried
    /// again in a transaction of its own so that one bad request cannot fail the others.
    public func append(_ requests: [AppendRequest], on connection: PostgresConnection)
        -> [Result<AppendResult, EventStoreError>]
    {
        guard !requests.isEmpty else { return [] }
        do {
            return try appendInOneTransaction(requests, on: connection)
        } catch let error where requests.count > 1 && error.code == .database {
            return requests.map { request in
                Result { () throws(EventStoreError) in try append(request, on: connection) }
            }
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }

    private func appendInOneTransaction(_ requests: [AppendRequest], on connection: PostgresConnection)
        throws(EventStoreError) -> [Result<AppendResult, EventStoreError>]
    {
        let context = requests.count == 1 ? "append to \(requests[0].stream)" : "append of \(requests.count) commands"
        var appender: BatchAppender
        do {
            appender = try BatchAppender(
                connection: connection, lockTimeoutMilliseconds: lockTimeoutMilliseconds, requests: requests)
        } catch {
            rollBack(connection)
            throw EventStoreError.wrapping(error, context: context)
        }
        let results = appender.decide(requests)
        guard appender.appendedAnything else {
            rollBack(connection)
            return results
        }
        do {
            try appender.writeAndCommit()
        } catch let error as PostgresError where error.isConnectionLoss {
            let unknown = EventStoreError(
                .outcomeUnknown, "\(context): connection lost during commit; retry with the same idempotency key",
                underlying: error)
            return results.map { result in
                guard case .success(let appendResult) = result, !appendResult.replayed else { return result }
                return .failure(unknown)
            }
        } catch {
            rollBack(connection)
            throw EventStoreError.wrapping(error, context: context)
        }
        return results
    }

    private func rollBack(_ connection: PostgresConnection) {
        if !connection.isClosed { _ = try? connection.execute("ROLLBACK") }
    }
}
