#if canImport(Glibc)
    import Glibc
#endif

/// A response as the test client read it off the wire.
struct ReceivedResponse {
    var status: Int
    /// Header names lowercased, in the order received.
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0 == name.lowercased() }?.1
    }
}

struct TestClientError: Error, CustomStringConvertible {
    var operation: String
    var errorNumber: Int32

    var description: String {
        "\(operation) failed: \(String(cString: strerror(errorNumber)))"
    }
}

/// A blocking HTTP/1.1 client over POSIX sockets: one connection per request, `Connection: close`,
/// and the response read until the server closes.
enum TestHTTPClient {
    static func send(
        _ method: String,
        _ target: String,
        headers: [(String, String)] = [],
        body: [UInt8] = [],
        port: UInt16
    ) throws -> ReceivedResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return try exchange(Array(head.utf8) + body, port: port)
    }

    /// Sends `request` as given and reads the whole response.
    static func exchange(_ request: [UInt8], port: UInt16) throws -> ReceivedResponse {
        let socket = try connect(port: port)
        defer { close(socket) }

        try sendAll(request, on: socket)
        let received = try receiveUntilClosed(on: socket)
        return try parse(received)
    }

    static func connect(port: UInt16) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else {
            throw TestClientError(operation: "socket", errorNumber: errno)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { address in
            address.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                Glibc.connect(socket, address, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = TestClientError(operation: "connect", errorNumber: errno)
            close(socket)
            throw error
        }
        return socket
    }

    private static func sendAll(_ bytes: [UInt8], on socket: Int32) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else {
                throw TestClientError(operation: "send", errorNumber: errno)
            }
            sent += count
        }
    }

    private static func receiveUntilClosed(on socket: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count >= 0 else {
                throw TestClientError(operation: "recv", errorNumber: errno)
            }
            guard count > 0 else {
                return received
            }
            received += buffer[..<count]
        }
    }

    private static func parse(_ bytes: [UInt8]) throws -> ReceivedResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.firstRange(of: separator) else {
            throw MalformedResponse(reason: "no end of headers in \(bytes.count) bytes")
        }
        let lines = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n")
        let statusLine = lines.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw MalformedResponse(reason: "bad status line \(lines.first ?? "")")
        }
        let headers = lines.dropFirst().map { line in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = line[colon...].dropFirst().drop { $0 == " " }
            return (line[..<colon].lowercased(), String(value))
        }
        let body = Array(bytes[headEnd.upperBound...])
        let response = ReceivedResponse(status: status, headers: headers, body: body)
        guard response.header("content-length") == String(body.count) else {
            throw MalformedResponse(
                reason: "content-length \(response.header("content-length") ?? "none") for \(body.count) bytes")
        }
        return response
    }
}

struct MalformedResponse: Error {
    var reason: String
}
