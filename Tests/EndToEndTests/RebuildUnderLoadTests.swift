import Foundation
import HTTPClient
import JSON
import Locking
import Postgres
import TestSupport
import Testing

/// `border project officer-lookup --rebuild` while officers keep looking travellers up: no lookup
/// fails, none sees an empty or partial read model, and the rebuilt one answers the same.
@Suite("Rebuilding without downtime", .serialized)
struct RebuildUnderLoadTests {
    @Test func lookupsKeepAnsweringThroughARebuild() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        // A day of other traffic first, so that the rebuild takes a while.
        try ProjectorKillTests.appendDay(2000, on: try PostgresConnection(conninfo: system.ownerURL))
        let numbers = (0..<40).map { "PA\(String(format: "%07d", $0))" }
        for number in numbers {
            let arrival = OverstayWatchTests.crossing("AUS", number, at: "2024-10-21T09:00:00Z")
            #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
        }
        #expect(try OverstayWatchTests.caughtUp(system))
        let client: HTTPClient = system.client
        let stop = Locked(false)
        let answers = Locked([String: Int]())
        let done = Locked(false)

        let lookups = Thread {
            runOnThreads(4) { thread in
                var index = thread
                while !stop.withLock({ $0 }) {
                    let response = try? client.request(
                        "GET", "/v1/travellers?document=\(numbers[index % numbers.count])")
                    let body = response.flatMap { try? JSON.parse($0.body) }
                    let whole = body?["crossings"]?.arrayValue?.count == 1 && body?["permits"]?.arrayValue?.count == 1
                    let outcome = response?.status == 200 && whole ? "whole" : "status \(response?.status ?? 0)"
                    answers.withLock { $0[outcome, default: 0] += 1 }
                    index += 4
                }
            }
            done.withLock { $0 = true }
        }
        lookups.start()
        let rebuilt = try system.run(["project", "officer-lookup", "--rebuild"], as: system.ownerURL)
        usleep(300_000)
        stop.withLock { $0 = true }
        #expect(waitUntil(seconds: 30) { done.withLock { $0 } })

        let seen = answers.withLock { $0 }
        #expect(Array(seen.keys) == ["whole"], "\(seen)")
        #expect((seen["whole"] ?? 0) > 20)
        #expect(!rebuilt.isEmpty)
    }
}
