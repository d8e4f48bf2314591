import CLibPQ
import Glibc

extension PostgresConnection {
    /// Subscribes this connection to `channel`. The name must be a plain SQL identifier.
    public func listen(to channel: String) throws(PostgresError) {
        precondition(channel.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "bad channel name")
        try execute("LISTEN \(channel)", context: "listen")
    }

    /// Waits up to `timeoutMilliseconds` for notifications and returns their payloads
    /// (empty when the wait timed out). Throws when the connection is lost.
    public func waitForNotifications(timeoutMilliseconds: Int32) throws(PostgresError) -> [String] {
        var payloads = try drainNotifications()
        guard payloads.isEmpty else { return payloads }
        var descriptor = pollfd(fd: PQsocket(live), events: Int16(POLLIN), revents: 0)
        guard descriptor.fd >= 0 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "wait for notifications")
        }
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if ready < 0 && errno != EINTR {
            throw PostgresError(code: .connection, serverMessage: "poll failed", context: "wait for notifications")
        }
        if ready > 0 {
            payloads = try drainNotifications()
        }
        return payloads
    }

    private func drainNotifications() throws(PostgresError) -> [String] {
        guard PQconsumeInput(live) == 1 else {
            throw PostgresError(code: .connection, serverMessage: lastError, context: "wait for notifications")
        }
        var payloads = [String]()
        while let notice = PQnotifies(live) {
            payloads.append(String(cString: notice.pointee.extra))
            PQfreemem(notice)
        }
        return payloads
    }
}
