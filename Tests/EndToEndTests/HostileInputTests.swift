import Foundation
import HTTPClient
import JSON
import Postgres
import TestSupport
import Testing

/// SQL injection attempts in every kind of string the API takes: free text is stored verbatim,
/// everything with a shape of its own is refused; nothing is ever executed.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    static let attacks = [
        "x'); DROP TABLE events; --", "' OR '1'='1", "\"; DELETE FROM commands; --", "1; SELECT pg_sleep(5)",
        "$1::text); TRUNCATE log_head; --", "Robert'); UPDATE log_head SET position = 0; --",
    ]

    static func intact(_ system: RunningSystem) throws -> (events: Int64, head: Int64) {
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        let row = try owner.query("SELECT (SELECT count(*) FROM events), (SELECT position FROM log_head)")[0]
        return (try row.int64(0), try row.int64(1))
    }

    @Test func freeTextIsStoredVerbatimAndNeverExecuted() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let supervisor = system.client(token: try system.token(role: "supervisor"))
        var stored = [String]()
        for (index, attack) in Self.attacks.enumerated() {
            let number = "PA00000\(10 + index)"
            let arrival = OverstayWatchTests.crossing("AUS", number, at: "2024-10-21T09:00:00Z")
            #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
            let document = SummitDayTests.reference("AUS", number)
            let flag = JSON.object(["document": document, "reason": .string(attack)]).serializedString()
            // An Idempotency-Key is visible ASCII: the attack without its spaces.
            let key = attack.replacingOccurrences(of: " ", with: "")
            let response = try supervisor.post("/v1/overstays/flags", json: flag, headers: [("Idempotency-Key", key)])
            #expect(response.status == 201, "\(response.text)")
            stored.append(try JSON.parse(response.body)["stream"]?.stringValue ?? "")
        }

        let auditor = system.client(token: try system.token(role: "auditor"))
        for (stream, attack) in zip(stored, Self.attacks) {
            let history = try JSON.parse(try auditor.request("GET", "/v1/travellers/\(stream)/events").body)
            #expect(history["events"]?.arrayValue?.last?["data"]?["reason"] == .string(attack))
            let key = attack.replacingOccurrences(of: " ", with: "")
            #expect(history["events"]?.arrayValue?.last?["metadata"]?["causationId"] == .string(key))
        }
        let state = try Self.intact(system)
        // Each: the arrival, the visitor permit it gave, the flag.
        #expect(state.events == 3 * Int64(Self.attacks.count) && state.head == state.events)
    }

    @Test func shapedFieldsAndQueriesRefuseItNeverFailing() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let officer: HTTPClient = system.client
        for attack in Self.attacks {
            let escaped = attack.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for target in [
                "/v1/travellers?document=\(escaped)", "/v1/travellers/search?name=\(escaped)",
                "/v1/travellers/\(escaped)/events", "/v1/statistics/crossings?from=\(escaped)&to=2024-10-01",
                "/v1/delegations/\(escaped)?summit=CHOGM2024",
            ] {
                let status = try officer.request("GET", target).status
                #expect([200, 400, 404].contains(status), "\(target) answered \(status)")
            }
            var document = SummitDayTests.document("AUS", "PA0000009", name: "NGUYEN")
            if case .object(var fields) = document {
                fields["primaryIdentifier"] = .string(attack)
                document = .object(fields)
            }
            let arrival = JSON.object([
                "document": document, "port": .string(attack), "occurredAt": "2024-10-21T09:00:00Z",
            ])
            let response = try officer.post("/v1/arrivals", json: arrival.serializedString())
            #expect([400, 422].contains(response.status))
            #expect(!response.text.contains(attack))
        }
        #expect(try Self.intact(system).events == 0)
    }
}
