import Dispatch
import Locking

/// A fixed-size pool of blocking connections for threads that are not Swift's cooperative pool
/// (libmicrohttpd's worker threads, the group-commit writer).
public final class PostgresPool: Sendable {
    private let conninfo: String
    private let options: [String: String]
    private let idle = Locked<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let waitSeconds: Double

    /// `waitSeconds`: how long a caller waits for a free connection before giving up, so that
    /// a stuck database cannot hold every request thread for ever.
    public init(conninfo: String, options: [String: String] = [:], size: Int, waitSeconds: Double = 10) {
        precondition(size > 0, "a pool needs at least one connection")
        self.conninfo = conninfo
        self.options = options
        self.slots = DispatchSemaphore(value: size)
        self.waitSeconds = waitSeconds
    }

    /// Lends a connection to `body`. A connection that was lost is dropped, not returned to the
    /// pool, and so are the idle ones: a lost connection usually means the server restarted, and
    /// then every idle connection is as dead, so none of them should fail another request.
    /// Throws a connection error when no connection comes free within the pool's wait.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try lend { connection, _ in try body(connection) }
    }

    /// For work that only reads: when the connection turns out lost (the server restarted), the
    /// work is done once more on a new connection instead of failing.
    public func withReadConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        var lost = false
        do {
            return try lend { connection, wasLost in
                defer { lost = wasLost() }
                return try body(connection)
            }
        } catch  where lost {
            return try withConnection(body)
        }
    }

    private func lend<T>(_ body: (PostgresConnection, () -> Bool) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + waitSeconds) == .success else {
            throw PostgresError(code: .connection, context: "waiting for a free connection (pool exhausted)")
        }
        defer { slots.signal() }
        let connection = try idle.withLock { $0.popLast() } ?? PostgresConnection(conninfo: conninfo, options: options)
        defer {
            if connection.isClosed {
                idle.withLock { $0.removeAll() }
            } else {
                idle.withLock { $0.append(connection) }
            }
        }
        return try body(connection) { connection.isClosed }
    }
}
