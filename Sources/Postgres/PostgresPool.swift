import Dispatch
import Synchronization

/// A fixed-size pool of blocking connections for threads that are not Swift's cooperative pool
/// (libmicrohttpd's worker threads, the group-commit writer).
public final class PostgresPool: Sendable {
    private let conninfo: String
    private let options: [String: String]
    private let idle = Mutex<[PostgresConnection]>([])
    private let slots: DispatchSemaphore

    public init(conninfo: String, options: [String: String] = [:], size: Int) {
        precondition(size > 0, "a pool needs at least one connection")
        self.conninfo = conninfo
        self.options = options
        self.slots = DispatchSemaphore(value: size)
    }

    /// Lends a connection to `body`. A connection that was lost is dropped, not returned to the pool.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let connection = try idle.withLock { $0.popLast() } ?? PostgresConnection(conninfo: conninfo, options: options)
        defer {
            if !connection.isClosed {
                idle.withLock { $0.append(connection) }
            }
        }
        return try body(connection)
    }
}
