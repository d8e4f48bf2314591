#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 connection kept open across requests, as a desk's terminal keeps it: responses
/// are read by their `Content-Length`, and the socket is reused until either side closes it.
///
/// Not safe to share between threads: give each thread a connection of its own.
public final class HTTPConnection {
    public let client: HTTPClient
    private var socket: Int32 = -1
    /// Bytes received after the end of the last response (none, as long as nothing pipelines).
    private var pending: [UInt8] = []

    public init(client: HTTPClient) {
        self.client = client
    }

    deinit { close() }

    public var isOpen: Bool { socket >= 0 }

    /// The local port of the open socket: the same from one request to the next while the
    /// connection is kept.
    public var localPort: UInt16? {
        guard isOpen else { return nil }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return status == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }

    /// Sends the request and reads its response. A connection the server had closed while it was
    /// idle (a keep-alive timeout, a restart) is opened again and the request sent once more, but
    /// only if not one byte of a response had come back on it.
    public func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws(HTTPClient.Failure) -> HTTPClient.Response {
        let message = client.message(method, target, headers: headers, body: body, keepAlive: true)
        let reused = isOpen
        do {
            return try exchange(message)
        } catch {
            guard reused, error.beforeAnyResponse else { throw error.failure }
        }
        do {
            return try exchange(message)
        } catch {
            throw error.failure
        }
    }

    public func post(_ target: String, json: String, headers: [(String, String)] = []) throws(HTTPClient.Failure)
        -> HTTPClient.Response
    {
        try request(
            "POST", target, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8))
    }

    public func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
        pending = []
    }

    private func exchange(_ message: [UInt8]) throws(HTTPConnectionFailure) -> HTTPClient.Response {
        do {
            if !isOpen { socket = try client.connect() }
            try client.send(message, on: socket)
        } catch {
            close()
            throw HTTPConnectionFailure(failure: error, beforeAnyResponse: true)
        }
        do {
            let response = try readResponse()
            if response.headers["connection"]?.lowercased() == "close" { close() }
            return response
        } catch {
            close()
            throw error
        }
    }

    /// Reads one response: the head, then `Content-Length` bytes of body (or, without one, to
    /// the end of the stream).
    private func readResponse() throws(HTTPConnectionFailure) -> HTTPClient.Response {
        var received = pending
        pending = []
        var headEnd = HTTPClient.headEnd(in: received)
        while headEnd == nil {
            guard try receive(into: &received) else {
                throw HTTPConnectionFailure(
                    failure: .init(description: "the server closed the connection without an answer"),
                    beforeAnyResponse: received.isEmpty)
            }
            headEnd = HTTPClient.headEnd(in: received)
        }
        let bodyStart = headEnd! + 4
        let head: (status: Int, headers: [String: String])
        do {
            head = try HTTPClient.parseHead(received[..<headEnd!])
        } catch {
            throw HTTPConnectionFailure(failure: error)
        }
        guard let declared = head.headers["content-length"] else {
            while try receive(into: &received) {}
            close()
            return HTTPClient.Response(status: head.status, headers: head.headers, body: Array(received[bodyStart...]))
        }
        guard let length = Int(declared), length >= 0 else {
            throw HTTPConnectionFailure(failure: .init(description: "response has a bad Content-Length"))
        }
        while received.count < bodyStart + length {
            guard try receive(into: &received) else {
                throw HTTPConnectionFailure(failure: .init(description: "the server closed the connection mid-answer"))
            }
        }
        pending = Array(received[(bodyStart + length)...])
        return HTTPClient.Response(
            status: head.status, headers: head.headers, body: Array(received[bodyStart..<(bodyStart + length)]))
    }

    /// Appends what the socket has; false at the end of the stream.
    private func receive(into received: inout [UInt8]) throws(HTTPConnectionFailure) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else {
            throw HTTPConnectionFailure(
                failure: .init(description: "receive failed: errno \(errno)"), beforeAnyResponse: received.isEmpty)
        }
        received += buffer[0..<count]
        return count > 0
    }
}

/// A failed exchange, and whether it failed before any byte of a response came back (so that
/// the request may be sent again on a fresh connection).
struct HTTPConnectionFailure: Error {
    var failure: HTTPClient.Failure
    var beforeAnyResponse = false
}
