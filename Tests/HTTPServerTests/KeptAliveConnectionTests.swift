import Foundation
import HTTPClient
import HTTPServer
import Testing

@Suite("HTTPConnection keeps one connection across requests")
struct KeptAliveConnectionTests {
    @Test func requestsShareOneConnectionAndEachGetsItsOwnAnswer() async throws {
        let (answers, ports) = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: EchoResponder())
            defer { server.stop() }
            let connection = HTTPConnection(client: HTTPClient(host: "127.0.0.1", port: server.port))
            var answers: [String] = []
            var ports: Set<UInt16> = []
            for request in 0..<20 {
                // Bodies of different sizes, one larger than a single read.
                let body = String(repeating: "\(request),", count: request == 7 ? 10_000 : request + 1)
                let response = try connection.request("POST", "/echo/\(request)", body: Array(body.utf8))
                answers.append(response.status == 200 && response.text == body ? "ok" : "\(request) wrong")
                ports.insert(try #require(connection.localPort))
            }
            return (answers, ports)
        }

        #expect(answers == Array(repeating: "ok", count: 20))
        #expect(ports.count == 1)
    }

    @Test func aConnectionTheServerClosedWhileIdleIsOpenedAgain() async throws {
        let (first, second, status) = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(connectionTimeoutSeconds: 1), responder: EchoResponder())
            defer { server.stop() }
            let connection = HTTPConnection(client: HTTPClient(host: "127.0.0.1", port: server.port))
            _ = try connection.request("GET", "/before")
            let first = connection.localPort
            Thread.sleep(forTimeInterval: 2.5)
            let response = try connection.request("POST", "/after", body: Array("again".utf8))
            return (first, connection.localPort, response.status)
        }

        #expect(status == 200)
        #expect(first != nil && second != nil && first != second)
    }

    @Test func aStoppedServerIsAnErrorNotAHang() async throws {
        let outcome = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: EchoResponder())
            let connection = HTTPConnection(client: HTTPClient(host: "127.0.0.1", port: server.port))
            _ = try connection.request("GET", "/before")
            server.stop()
            return Result { try connection.request("GET", "/after") }
        }

        #expect(throws: HTTPClient.Failure.self) { try outcome.get() }
    }
}
