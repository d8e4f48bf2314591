import Foundation
import HTTPClient
import JSON
import TestSupport
import Testing

/// Regressions from the newcomer review of the walking skeleton (issue 2).
@Suite("API details found in review", .serialized)
struct ReviewRegressionTests {
    static func arrival(occurredAt: String = "2024-10-20T15:30:00Z") -> JSON {
        [
            "mrz": .array(CrossingEndToEndTests.specimen.map { .string($0) }), "port": "APW",
            "occurredAt": .string(occurredAt), "carrier": "NZ", "flight": "NZ990", "purpose": "holiday",
        ]
    }

    @Test func refusalsAreUniformAndEchoNothing() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let client = system.client!

        let future = try client.post(
            "/v1/arrivals", json: Self.arrival(occurredAt: "2099-01-01T00:00:00Z").serializedString())
        #expect(future.status == 400)
        #expect(try JSON.parse(future.body)["error"]?["field"] == "occurredAt")

        let oddKey = try client.post("/v1/arrivals", json: #"{"L898902C3 ERIKSSON": 1}"#)
        let oddError = try JSON.parse(oddKey.body)["error"]
        #expect(oddKey.status == 400)
        #expect(oddError?["field"] == "body")
        #expect(!oddKey.text.contains("ERIKSSON"))

        let route = try client.request("GET", "/v1/travellers/L898902C3-ERIKSSON")
        #expect(route.status == 404)
        #expect(!route.text.contains("ERIKSSON"))
        #expect(try JSON.parse(route.body)["error"]?["field"] == .null)

        let put = try client.request("PUT", "/v1/arrivals")
        #expect(put.status == 405)
        #expect(put.headers["allow"] == "POST")

        let latin = try client.request(
            "POST", "/v1/arrivals", headers: [("Content-Type", "application/json; charset=latin1")],
            body: Self.arrival().serialized())
        #expect(latin.status == 415)

        let umlaut = try client.request("GET", "/v1/travellers?document=L898902C3&nationality=%C3%84%C3%96")
        #expect(umlaut.status == 400)

        let repeated = try client.request("GET", "/v1/travellers?document=L898902C3&document=ZZ0000000")
        #expect(repeated.status == 400)
        #expect(try JSON.parse(repeated.body)["error"]?["field"] == "document")
        #expect(try JSON.parse(repeated.body)["error"]?["message"] == "document is given more than once")

        let head = try client.request("HEAD", "/health")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }

    @Test func retryReserialisedDifferentlyIsRecognisedAsTheSameRequest() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let headers = [("Idempotency-Key", "key-A-1")]
        let compact = Self.arrival().serializedString()
        let mrz = CrossingEndToEndTests.specimen
        let spaced = """
            {
              "purpose": "holiday", "flight": "NZ990", "carrier": "NZ",
              "occurredAt": "2024-10-20T15:30:00Z", "port": "APW",
              "mrz": [ "\(mrz[0])", "\(mrz[1])" ]
            }
            """

        let first = try system.client.post("/v1/arrivals", json: spaced, headers: headers)
        let retry = try system.client.post("/v1/arrivals", json: compact, headers: headers)

        #expect(first.status == 201)
        #expect(retry.status == 201)
        #expect(retry.headers["idempotent-replayed"] == "true")
        #expect(retry.body == first.body)
    }

    /// A date with a sign where two digits belong ("1980-+1-01") was read as 1 January 1980.
    @Test func aDateWithASignIsRefusedNamingTheField() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        guard case .object(var document) = SummitDayTests.document("AUS", "PA0000031", name: "SIGNED") else {
            Issue.record("the document is not an object")
            return
        }
        document["dateOfBirth"] = "1980-+1-01"
        let arrival = JSON.object(["document": .object(document), "port": "APW", "occurredAt": "2024-10-20T15:30:00Z"])

        let answer = try system.client.post("/v1/arrivals", json: arrival.serializedString())

        #expect(answer.status == 400)
        #expect(try JSON.parse(answer.body)["error"]?["field"] == "document.dateOfBirth")
        #expect(!answer.text.contains("1980"), "the refusal repeats nothing the client sent")
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 0, "nothing stored")
    }

    /// Newcomer review of issue 4: an unknown key made of letters and digits was named in `field`,
    /// so a document number or a surname sent as a key came back in the error.
    @Test func unknownKeysAreNamedOnlyWhenTheyLookLikeFieldNames() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let client = system.client!
        let correction = #"{"document": {"issuingState": "AUS", "documentNumber": "PA0000009"}, "target": 1, "#

        let number = try client.post("/v1/arrivals", json: #"{"PA0000009": {}, "port": "APW"}"#)
        let surname = try system.client(token: try system.token(role: "supervisor")).post(
            "/v1/corrections", json: correction + #""changes": {"NGUYEN": 1}, "reason": "r"}"#)
        let query = try client.request("GET", "/v1/travellers?document=PA0000009&NGUYEN=1")
        let typo = try client.post("/v1/arrivals", json: #"{"flightNumber": "NZ990", "port": "APW"}"#)

        for answer in [number, surname, query] {
            #expect(answer.status == 400)
            #expect(!answer.text.contains("PA0000009") && !answer.text.contains("NGUYEN"), "\(answer.text)")
        }
        #expect(try JSON.parse(number.body)["error"]?["field"] == "body")
        #expect(try JSON.parse(surname.body)["error"]?["field"] == "changes")
        #expect(try JSON.parse(query.body)["error"]?["field"] == "query")
        #expect(try JSON.parse(typo.body)["error"]?["field"] == "flightNumber")
    }

    /// Second newcomer review: year 0000 passed as a date, and PostgreSQL has no year 0, so one
    /// permit from 0000-01-01 stopped the officer lookup for good (SQLSTATE 22008), and a query
    /// from that day answered 503.
    @Test func yearZeroIsRefusedBeforeItReachesTheLog() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let visaOffice = system.client(token: try system.token(role: "visa-officer"))
        let permit = JSON.object([
            "document": SummitDayTests.reference("AUS", "PA0000041"), "kind": "visa", "category": "work",
            "validFrom": "0000-01-01", "validUntil": "2025-01-01",
        ])

        let answer = try visaOffice.post("/v1/permits", json: permit.serializedString())
        let statistics = try visaOffice.request("GET", "/v1/statistics/crossings?from=0000-01-01&to=0000-01-31")

        #expect(answer.status == 400)
        #expect(try JSON.parse(answer.body)["error"]?["field"] == "validFrom")
        #expect(statistics.status == 400)
        #expect(try JSON.parse(statistics.body)["error"]?["field"] == "from")
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 0, "nothing stored")
    }
}
