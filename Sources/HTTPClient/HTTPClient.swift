import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small blocking HTTP/1.1 client over a TCP socket, for the demo feed, the load generator and
/// end-to-end tests: `request` opens a connection per request (`Connection: close`);
/// ``HTTPConnection`` keeps one open across requests.
public struct HTTPClient: Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let host: String
    public let port: UInt16
    /// Sent as `Authorization: Bearer <token>` with every request that does not set its own.
    public var bearerToken: String?

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `http://HOST:PORT` (an optional trailing slash is ignored).
    public init(url: String) throws(Failure) {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard trimmed.hasPrefix("http://") else { throw Failure(description: "only http:// URLs are supported") }
        let authority = trimmed.dropFirst("http://".count).split(separator: ":")
        guard authority.count == 2, let port = UInt16(authority[1]) else {
            throw Failure(description: "URL must be http://HOST:PORT")
        }
        self.init(host: String(authority[0]), port: port)
    }

    /// Sends one request on a connection of its own (`Connection: close`) and reads the answer
    /// to the end of the stream.
    public func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws(Failure) -> Response {
        let socket = try connect()
        defer { close(socket) }
        try send(message(method, target, headers: headers, body: body, keepAlive: false), on: socket)
        return try Self.parse(try receiveAll(from: socket))
    }

    /// The request's bytes: head, the bearer token unless `headers` has an Authorization, body.
    func message(
        _ method: String, _ target: String, headers: [(String, String)], body: [UInt8], keepAlive: Bool
    ) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        if !keepAlive { head += "Connection: close\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let bearerToken, !headers.contains(where: { $0.0.lowercased() == "authorization" }) {
            head += "Authorization: Bearer \(bearerToken)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    public func post(_ target: String, json: String, headers: [(String, String)] = []) throws(Failure) -> Response {
        try request(
            "POST", target, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8))
    }

    func connect() throws(Failure) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
            close(descriptor)
            throw Failure(description: "host must be an IPv4 address")
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(descriptor)
            throw Failure(description: "connect to \(host):\(port) failed: errno \(errno)")
        }
        return descriptor
    }

    func send(_ bytes: [UInt8], on socket: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a peer that closed is an error to report, not a SIGPIPE that kills us.
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += sent
        }
    }

    private func receiveAll(from socket: Int32) throws(Failure) -> [UInt8] {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else { throw Failure(description: "receive failed: errno \(errno)") }
            received += buffer[0..<count]
        }
    }

    static func parse(_ bytes: [UInt8]) throws(Failure) -> Response {
        guard let end = headEnd(in: bytes) else {
            throw Failure(description: "response has no header end")
        }
        let head = try parseHead(bytes[..<end])
        return Response(status: head.status, headers: head.headers, body: Array(bytes[(end + 4)...]))
    }

    /// Where the blank line that ends the head starts, if it has arrived.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first {
            bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10
        }
    }

    /// The status and the headers (names lowercased) of a response head.
    static func parseHead(_ bytes: ArraySlice<UInt8>) throws(Failure) -> (status: Int, headers: [String: String]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "response has no status line")
        }
        var headers = [String: String]()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return (status, headers)
    }
}
