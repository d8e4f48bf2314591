import Foundation
import HTTPClient
import JSON
import TestSupport
import Testing

/// Retries of commands the record would now refuse answer their first outcome; a key is the
/// caller's own.
@Suite("Retrying commands", .serialized)
struct RetryTests {
    @Test func retryOfAnAcceptedCommandIsAnsweredEvenWhenTheRecordNowRefusesIt() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let supervisor = system.client(token: try system.token(role: "supervisor"))
        let desk = system.client(token: try system.token(role: "accreditation"))
        let flag = JSON.object(["document": SummitDayTests.reference("AUS", "PA0000009"), "reason": "seen"])
        let list = """
            accreditationId,summit,delegation,role,issuingState,documentNumber,validFrom,validUntil
            CHOGM-0300,CHOGM2024,NZL,minister,NZL,NZ0000300,2024-10-18,2024-10-27
            CHOGM-0301,CHOGM2024,NZL,minister,NZL,NZ0000301,2024-10-18,2024-10-27
            """

        let flags = try (0..<2).map { _ in
            try supervisor.post(
                "/v1/overstays/flags", json: flag.serializedString(), headers: [("Idempotency-Key", "f1")])
        }
        let imports = try (0..<2).map { _ in
            try desk.request(
                "POST", "/v1/accreditations/imports",
                headers: [("Content-Type", "text/csv"), ("Idempotency-Key", "list-300")], body: Array(list.utf8))
        }

        #expect(flags.map(\.status) == [201, 201])
        #expect(flags[1].headers["idempotent-replayed"] == "true")
        #expect(flags[1].body == flags[0].body)
        #expect(imports.map(\.status) == [201, 201], "\(imports.map(\.text))")
        #expect(imports[1].headers["idempotent-replayed"] == "true")
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 3, "one flag, two accreditations: nothing twice")
    }

    @Test func sameKeyFromAnotherCallerIsAnotherRequestNotAReplay() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let arrival = OverstayWatchTests.crossing("AUS", "PA0000001", at: "2024-10-21T09:00:00Z")
        let other = system.client(token: try system.token(role: "supervisor"))

        let first = try system.client.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])
        let second = try other.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])

        #expect(first.status == 201)
        #expect(second.status == 422)
        #expect(try JSON.parse(second.body)["error"]?["code"] == "idempotency_key_reused")
    }

    /// Review of issue 4: requests were told apart by the token's name, which is not unique, so a
    /// second token of the same name (another role even) was answered the first one's outcome.
    @Test func sameKeyFromAnotherTokenOfTheSameNameIsNotAReplay() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let arrival = OverstayWatchTests.crossing("AUS", "PA0000001", at: "2024-10-21T09:00:00Z")
        let twin = try system.run(
            ["token", "create", "--role", "supervisor", "--name", "e2e-officer"], as: system.ownerURL)
        let other = system.client(token: twin.trimmingCharacters(in: .whitespacesAndNewlines))

        let first = try system.client.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])
        let second = try other.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])

        #expect(first.status == 201)
        #expect(second.status == 422)
        #expect(second.headers["idempotent-replayed"] == nil)
        #expect(try JSON.parse(second.body)["error"]?["code"] == "idempotency_key_reused")
    }
}
