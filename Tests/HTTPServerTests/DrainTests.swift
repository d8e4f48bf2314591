import Foundation
import HTTPServer
import Locking
import Synchronization
import Testing

/// Answers after a pause, the way a command that waits for its commit does.
final class SlowResponder: HTTPResponder {
    let started = Atomic<Int>(0)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        started.add(1, ordering: .relaxed)
        usleep(300_000)
        return HTTPResponse(status: 201, body: Array("done".utf8))
    }
}

@Suite("Stopping with requests in flight")
struct DrainTests {
    /// From the second review: SIGTERM during load dropped answers to commands that committed.
    @Test func drainAndStopDeliversTheAnswersOfRequestsInFlight() throws {
        let responder = SlowResponder()
        let server = try HTTPServer(configuration: .init(port: 0, threads: 4), responder: responder)
        let port = server.port
        let answers = Locked<[Int]>([])
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread {
                defer { done.leave() }
                let status = (try? TestHTTPClient.send("POST", "/slow", port: port))?.status ?? -1
                answers.withLock { $0.append(status) }
            }.start()
        }
        let deadline = Date().addingTimeInterval(5)
        while responder.started.load(ordering: .relaxed) < 4 && Date() < deadline { usleep(1000) }

        server.drainAndStop(gracePeriodSeconds: 5)
        done.wait()

        #expect(answers.withLock { $0 } == [201, 201, 201, 201])
        #expect(throws: (any Error).self) { try TestHTTPClient.send("GET", "/", port: port) }
    }
}

@Suite("Connection limits")
struct ConnectionLimitTests {
    @Test func oneAddressCannotTakeEveryConnection() throws {
        var configuration = HTTPServer.Configuration(port: 0, threads: 2)
        configuration.connectionsPerAddress = 2
        let server = try HTTPServer(configuration: configuration, responder: SlowResponder())
        defer { server.stop() }
        let idle = try (0..<2).map { _ in try TestHTTPClient.connect(port: server.port) }
        defer { idle.forEach { close($0) } }

        let third = try TestHTTPClient.connect(port: server.port)
        defer { close(third) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(third, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 16)
        let read = recv(third, &buffer, buffer.count, 0)

        #expect(read == 0, "the connection over the limit is closed at once, not left waiting")
    }
}
