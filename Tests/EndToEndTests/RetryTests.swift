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

        let arrival = OverstayWatchTests.crossing("AUS", "PA0000009", at: "2024-10-21T09:00:00Z")
        #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
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
        #expect(
            health["log"]?["position"] == 5,
            "an arrival with its visitor permit, one flag, two accreditations: nothing twice")
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

    /// Review of issue 4: a second token of the same name (another role even) was answered the
    /// first one's outcome. A name now has one active token, and a name given another role is
    /// another caller.
    @Test func sameKeyFromTheSameNameGivenAnotherRoleIsNotAReplay() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let arrival = OverstayWatchTests.crossing("AUS", "PA0000001", at: "2024-10-21T09:00:00Z")
        let first = try system.client.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])
        let twin = try system.run(
            ["token", "create", "--role", "supervisor", "--name", "e2e-officer", "--replace"], as: system.ownerURL)
        let other = system.client(token: twin.trimmingCharacters(in: .whitespacesAndNewlines))

        let second = try other.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k1")])

        #expect(first.status == 201)
        #expect(second.status == 422)
        #expect(second.headers["idempotent-replayed"] == nil)
        #expect(try JSON.parse(second.body)["error"]?["code"] == "idempotency_key_reused")
    }

    /// Newcomer review of issue 4: a second `Scripts/demo` made its tokens again, and its feed's
    /// retries were refused as reused keys (380 crossings 422). A client whose token is replaced
    /// keeps its retries.
    @Test func aClientWhoseTokenWasReplacedKeepsItsRetries() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let arrival = OverstayWatchTests.crossing("AUS", "PA0000002", at: "2024-10-21T09:00:00Z")
        let first = try system.client.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k2")])
        let head = try JSON.parse(try system.client.request("GET", "/health").body)["log"]?["position"]
        let replaced = try system.run(
            ["token", "create", "--role", "officer", "--name", "e2e-officer", "--replace"], as: system.ownerURL)
        let client = system.client(token: replaced.trimmingCharacters(in: .whitespacesAndNewlines))

        let retry = try client.post("/v1/arrivals", json: arrival, headers: [("Idempotency-Key", "k2")])

        #expect(first.status == 201)
        #expect(retry.status == 201, "\(retry.text)")
        #expect(retry.headers["idempotent-replayed"] == "true")
        #expect(retry.body == first.body)
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(head != nil)
        #expect(health["log"]?["position"] == head, "the retry stored nothing")
    }
}
