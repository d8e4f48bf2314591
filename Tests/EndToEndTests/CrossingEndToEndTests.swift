import Foundation
import HTTPClient
import JSON
import TestSupport
import Testing

@Suite("Recording crossings end to end", .serialized)
struct CrossingEndToEndTests {
    static let specimen = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]

    static func arrival(mrz: [String] = specimen, port: String = "APW") -> String {
        let body: JSON = [
            "mrz": .array(mrz.map { .string($0) }), "port": .string(port), "occurredAt": "2024-10-20T15:30:00Z",
            "carrier": "NZ", "flight": "NZ990", "purpose": "holiday",
        ]
        return body.serializedString()
    }

    @Test func validArrivalIsRecordedAndLookupShowsTravellerInCountry() throws {
        let system = try RunningSystem()
        defer { system.stop() }

        let response = try system.client.post(
            "/v1/arrivals", json: Self.arrival(), headers: [("Idempotency-Key", "5b0c-arrival-1")])

        #expect(response.status == 201)
        let answer = try JSON.parse(response.body)
        // The arrival, then the visitor permit the entry rules give on arrival (UTO is not WSM).
        #expect(answer["position"] == 2)
        #expect(answer["type"] == "ArrivalRecorded")
        #expect(
            answer["events"] == [["type": "ArrivalRecorded", "version": 1], ["type": "PermitGranted", "version": 2]])
        #expect(answer["permit"]?["category"] == "visitor")
        #expect(answer["permit"]?["validUntil"] == "2024-12-19")
        #expect(answer["anomalies"] == ["documentExpired"])
        var lookup: HTTPClient.Response?
        let found = try waitUntil(seconds: 20) {
            lookup = try system.client.request("GET", "/v1/travellers?document=L898902C3&nationality=UTO")
            return lookup?.status == 200
        }
        #expect(found)
        let traveller = try JSON.parse(lookup?.body ?? [])
        #expect(traveller["document"] == "L898902C3")
        #expect(traveller["nationality"] == "UTO")
        #expect(traveller["inCountry"] == true)
        #expect(traveller["primaryIdentifier"] == "ERIKSSON")
        #expect(traveller["secondaryIdentifiers"] == ["ANNA", "MARIA"])
        #expect(traveller["dateOfBirth"] == "1974-08-12")
        #expect(traveller["permits"]?.arrayValue?.first?["permitId"] == "permit-2")
        // Every read model's projector owns its lease once it has started; on a busy machine the
        // other two may take a moment longer than the officer lookup.
        var health: JSON = nil
        let healthy = try waitUntil(seconds: 20) {
            health = try JSON.parse(try system.client.request("GET", "/health").body)
            return health["status"] == "ok"
        }
        #expect(healthy, "\(health)")
        #expect(health["projections"]?["officer-lookup"]?["lag"] == 0)
        #expect(health["projections"]?["officer-lookup"]?["lagSeconds"] == .double(0))
        #expect(health["projections"]?["officer-lookup"]?["owner"] == true)
        #expect(health["status"] == "ok")
        let metrics = try system.client.request("GET", "/metrics").text
        #expect(metrics.contains("border_log_position 2\n"))
        #expect(
            metrics.contains("border_http_requests_total{route=\"/v1/arrivals\",method=\"POST\",status=\"201\"} 1\n"))
        #expect(metrics.contains("border_projection_lag_events{projection=\"officer-lookup\"} 0\n"))
        #expect(metrics.contains("border_append_commands_total 1\n"))
        #expect(metrics.contains("border_append_batch_size_bucket{le=\"1\"} 1\n"))
        #expect(metrics.contains("border_append_batch_size_count 1\n"))
        #expect(metrics.contains("border_append_duration_seconds_count 1\n"))
        #expect(!metrics.contains("L898902C3") && !metrics.contains("ERIKSSON"))
        let status = try system.run(["status"])
        #expect(status.contains("log: position 2"))
        #expect(status.contains("officer-lookup: checkpoint 2, lag 0 events"))
        #expect(status.contains("owner \(ProcessInfo.processInfo.hostName):\(system.projector!.processIdentifier):"))
    }

    @Test func projectAllRunsTheReadModelsAndStopsWithThem() throws {
        let system = try RunningSystem(startProjector: false)
        try system.startAllProjectors()

        let response = try system.client.post("/v1/arrivals", json: Self.arrival())
        let found = try waitUntil(seconds: 20) {
            try system.client.request("GET", "/v1/travellers?document=L898902C3&nationality=UTO").status == 200
        }
        system.stop()

        #expect(response.status == 201)
        #expect(found)
        #expect(system.projector?.terminationStatus == 0)
    }

    @Test func retryWithSameIdempotencyKeyAnswersFirstOutcomeAndAppendsOnce() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let headers = [("Idempotency-Key", "retry-key-1")]

        let first = try system.client.post("/v1/arrivals", json: Self.arrival(), headers: headers)
        let second = try system.client.post("/v1/arrivals", json: Self.arrival(), headers: headers)

        #expect(first.status == 201)
        #expect(second.status == 201)
        #expect(second.body == first.body)
        #expect(second.headers["idempotent-replayed"] == "true")
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 2, "one arrival and its visitor permit, appended once")
        #expect(health["status"] == "degraded", "no projector owns the read model in this test")
        #expect(health["projections"]?["officer-lookup"]?["status"] == "no_owner")
    }

    @Test func departureWithoutArrivalIsStoredAndMarked() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }

        let response = try system.client.post("/v1/departures", json: Self.arrival())

        #expect(response.status == 201)
        #expect(try JSON.parse(response.body)["anomalies"] == ["noRecordedArrival", "documentExpired"])
    }

    static let badInputs: [(name: String, body: String, status: Int, field: String)] = [
        (
            "bad check digit", arrival(mrz: [specimen[0], "L898902C37UTO7408122F1204159ZE184226B<<<<<10"]), 422,
            "mrz[1].documentNumber"
        ),
        ("unknown port", arrival(port: "XXX"), 422, "port"),
        ("unknown field", #"{"mrz":[],"port":"APW","occurredAt":"2024-10-20T15:30:00Z","x":1}"#, 400, "x"),
        ("missing occurredAt", #"{"mrz":["a","b"],"port":"APW"}"#, 400, "occurredAt"),
        ("bad occurredAt", #"{"mrz":["a","b"],"port":"APW","occurredAt":"20 Oct"}"#, 400, "occurredAt"),
    ]

    @Test func badInputGetsFourHundredNamingTheFieldAndStoresNothing() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }

        for input in Self.badInputs {
            let response = try system.client.post("/v1/arrivals", json: input.body)
            #expect(response.status == input.status, "\(input.name)")
            let error = try JSON.parse(response.body)["error"]
            #expect(error?["field"] == .string(input.field), "\(input.name)")
            #expect(error?["message"]?.stringValue?.contains("L898902C3") == false, "\(input.name)")
        }
        let malformed = try system.client.post("/v1/arrivals", json: "{not json")
        #expect(malformed.status == 400)
        #expect(try JSON.parse(malformed.body)["error"]?["code"] == "malformed_body")

        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 0)
    }
}
