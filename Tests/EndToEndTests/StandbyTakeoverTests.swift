import Foundation
import HTTPClient
import JSON
import Postgres
import TestSupport
import Testing

@Suite("A hot standby projector", .serialized)
struct StandbyTakeoverTests {
    @Test func standbyTakesOverWithinSecondsWhenTheOwnerIsKilled() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        let standby = try system.startStandbyProjector()
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        let holderPID = { () throws -> Int32? in
            guard let holder = try owner.query("SELECT holder FROM officer_lookup.lease")[0][0] else { return nil }
            return Int32(holder.split(separator: ":")[1])
        }
        #expect(try waitUntil(seconds: 10) { try holderPID() != nil })
        let first = try holderPID()!
        #expect([system.projector!.processIdentifier, standby.processIdentifier].contains(first))

        kill(first, SIGKILL)
        let killedAt = Date()
        let response = try system.client.post("/v1/arrivals", json: CrossingEndToEndTests.arrival())
        let found = try waitUntil(seconds: 20) {
            try system.client.request("GET", "/v1/travellers?document=L898902C3&nationality=UTO").status == 200
        }

        #expect(response.status == 201)
        #expect(found)
        #expect(Date().timeIntervalSince(killedAt) < 12, "taken over within seconds")
        let second = try holderPID()
        #expect(second != nil && second != first)
        #expect(try owner.query("SELECT count(*) FROM officer_lookup.crossings")[0].int64(0) == 1)
    }

    /// From the final review: a supervisor killed by SIGKILL left its projector running.
    @Test func projectorOfAKilledSupervisorStopsToo() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        try system.startAllProjectors()
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        var child: Int32?
        #expect(
            try waitUntil(seconds: 10) {
                child = try owner.query("SELECT holder FROM officer_lookup.lease")[0][0].flatMap {
                    Int32($0.split(separator: ":")[1])
                }
                return child != nil
            })

        kill(system.projector!.processIdentifier, SIGKILL)

        #expect(waitUntil(seconds: 10) { kill(child!, 0) != 0 }, "the child projector exits with its supervisor")
    }
}
