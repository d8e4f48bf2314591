import JSON
import Postgres

/// The PostgreSQL event log: appends with per-stream optimistic concurrency and idempotent
/// commands, and reads by global position or by stream.
///
/// Positions are assigned under the row lock of `log_head`, taken inside `append` only and held
/// until commit, so the order of positions is the order of commits and there are no gaps.
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
        do {
            try connection.execute(
                "BEGIN; SET LOCAL lock_timeout = '\(lockTimeoutMilliseconds)ms'", context: "begin append")
        } catch {
            throw EventStoreError.wrapping(error, context: "append to \(request.stream)")
        }
        let result: AppendResult
        do {
            var appender = try Appender(connection: connection)
            result = try appender.append(request)
            if !result.replayed {
                try appender.finish()
            }
        } catch {
            if !connection.isClosed { try? connection.execute("ROLLBACK") }
            throw EventStoreError.wrapping(error, context: "append to \(request.stream)")
        }
        try commit(on: connection, stream: request.stream, replayed: result.replayed)
        return result
    }

    private func commit(on connection: PostgresConnection, stream: String, replayed: Bool) throws(EventStoreError) {
        do {
            try connection.execute(replayed ? "ROLLBACK" : "COMMIT", context: "commit append")
        } catch {
            guard error.isConnectionLoss, !replayed else {
                throw EventStoreError.wrapping(error, context: "append to \(stream)")
            }
            throw EventStoreError(
                .outcomeUnknown, "append to \(stream): connection lost during commit; retry with the same key",
                underlying: error)
        }
    }
}
