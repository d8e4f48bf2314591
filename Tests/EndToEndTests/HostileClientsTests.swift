import Foundation
import HTTPClient
import JSON
import Locking
import TestSupport
import Testing

/// Slow clients holding connections open with half a request (slowloris), very large bodies and a
/// flood of bad tokens, all at once: the server keeps answering a well-behaved client.
@Suite("Hostile clients", .serialized)
struct HostileClientsTests {
    /// A TCP connection to the server that sends half a request and then nothing.
    static func halfRequest(port: UInt16) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let half = Array("POST /v1/arrivals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n".utf8)
        _ = half.withUnsafeBytes { send(descriptor, $0.baseAddress, half.count, Int32(MSG_NOSIGNAL)) }
        return descriptor
    }

    @Test func wellBehavedClientIsServedThroughSlowHugeAndForgedRequests() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let officer: HTTPClient = system.client
        let slow = (0..<100).map { _ in Self.halfRequest(port: officer.port) }
        defer { slow.forEach { close($0) } }
        let hostileStatuses = Locked([Int: Int]())
        let huge = Array(repeating: UInt8(ascii: "a"), count: 2 << 20)
        let hostile = Thread {
            runOnThreads(6) { thread in
                var forged = officer
                forged.bearerToken = "bct_" + String(repeating: String(thread), count: 64)
                for index in 0..<50 {
                    let response =
                        index % 10 == 0
                        ? try? officer.request(
                            "POST", "/v1/arrivals", headers: [("Content-Type", "application/json")], body: huge)
                        : try? forged.post("/v1/arrivals", json: "{}")
                    hostileStatuses.withLock { $0[response?.status ?? 0, default: 0] += 1 }
                }
            }
        }
        hostile.start()

        var answered = [Int]()
        for count in 0..<20 {
            let arrival = OverstayWatchTests.crossing(
                "AUS", "PA00\(String(format: "%05d", count))", at: "2024-10-21T09:00:00Z")
            answered.append(try officer.post("/v1/arrivals", json: arrival).status)
        }

        #expect(waitUntil(seconds: 60) { hostileStatuses.withLock { $0.values.reduce(0, +) } == 300 })
        #expect(answered == Array(repeating: 201, count: 20))
        let statuses = hostileStatuses.withLock { $0 }
        #expect(Set(statuses.keys).isSubset(of: [401, 413, 0]), "\(statuses)")
        #expect(statuses[401] == 270)
        #expect(try officer.request("GET", "/health").status == 200)
    }
}
