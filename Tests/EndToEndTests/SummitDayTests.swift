import Foundation
import HTTPClient
import JSON
import Postgres
import TestSupport
import Testing

/// A whole summit day through the API, each desk with a token of its own role: delegates
/// accredited (one by one and from a CSV list), arriving on one flight, visitors on another, a
/// departure of someone never recorded arriving, a visa decision, a correction and a void, and
/// an overstay flagged by a supervisor.
@Suite("A summit day through the API", .serialized)
struct SummitDayTests {
    static func arrival(_ document: JSON, occurredAt: String = "2024-10-21T09:00:00Z", flight: String) -> String {
        JSON.object([
            "document": document, "port": "APW", "occurredAt": .string(occurredAt), "carrier": "NZ",
            "flight": .string(flight), "purpose": "official",
        ]).serializedString()
    }

    static func document(_ state: String, _ number: String, name: String) -> JSON {
        [
            "documentCode": "P", "issuingState": .string(state), "documentNumber": .string(number),
            "nationality": .string(state), "primaryIdentifier": .string(name), "secondaryIdentifiers": ["ALEX"],
            "dateOfBirth": "1970-05-06", "sex": "unspecified", "dateOfExpiry": "2030-01-01",
        ]
    }

    static func reference(_ state: String, _ number: String) -> JSON {
        ["issuingState": .string(state), "documentNumber": .string(number)]
    }

    @Test func summitDayEndToEnd() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        let desk = system.client(token: try system.token(role: "accreditation"))
        let visaOffice = system.client(token: try system.token(role: "visa-officer"))
        let supervisor = system.client(token: try system.token(role: "supervisor"))
        let auditor = system.client(token: try system.token(role: "auditor"))

        // The accreditation desk: one delegate by hand, two from a list.
        let accreditation = JSON.object([
            "document": Self.reference("GBR", "GB0000001"), "accreditationId": "CHOGM-0001", "summit": "CHOGM2024",
            "delegation": "GBR", "role": "head-of-delegation", "validFrom": "2024-10-18", "validUntil": "2024-10-27",
        ])
        let accredited = try desk.post("/v1/accreditations", json: accreditation.serializedString())
        #expect(accredited.status == 201, "\(accredited.text)")
        let header = "accreditationId,summit,delegation,role,issuingState,documentNumber,validFrom,validUntil"
        let list = """
            \(header),primaryIdentifier,nationality
            CHOGM-0002,CHOGM2024,NZL,minister,NZL,NZ0000002,2024-10-18,2024-10-27,WALKER,NZL
            CHOGM-0003,CHOGM2024,NZL,media,NZL,NZ0000003,2024-10-18,2024-10-27,"O'BRIEN",NZL

            """
        let imported = try desk.request(
            "POST", "/v1/accreditations/imports",
            headers: [("Content-Type", "text/csv"), ("Idempotency-Key", "list-1")],
            body: Array(list.utf8))
        #expect(imported.status == 201, "\(imported.text)")
        #expect(try JSON.parse(imported.body)["imported"]?.arrayValue?.count == 2)

        // Delegates arrive on NZ990: no visitor permit, they enter under the accreditation.
        let officer: HTTPClient = system.client
        let delegate = try officer.post(
            "/v1/arrivals", json: Self.arrival(Self.document("NZL", "NZ0000002", name: "WALKER"), flight: "NZ990"))
        #expect(delegate.status == 201, "\(delegate.text)")
        #expect(try JSON.parse(delegate.body)["permit"] == nil)
        #expect(try JSON.parse(delegate.body)["anomalies"] == [], "the passport matches the accreditation")

        // A visitor on FJ251 gets the visitor permit; the visa office then extends it.
        let visitor = try officer.post(
            "/v1/arrivals", json: Self.arrival(Self.document("AUS", "PA0000009", name: "NGUYEN"), flight: "FJ251"))
        #expect(visitor.status == 201, "\(visitor.text)")
        let permitID = try JSON.parse(visitor.body)["permit"]?["permitId"]
        #expect(permitID == "permit-2")
        let extended = try visaOffice.post(
            "/v1/permits/extensions",
            json: JSON.object([
                "document": Self.reference("AUS", "PA0000009"), "permitId": permitID ?? .null,
                "validUntil": "2025-01-20",
            ]).serializedString())
        #expect(extended.status == 201, "\(extended.text)")

        // A departure of someone never recorded arriving is stored and marked.
        let departure = try officer.post(
            "/v1/departures",
            json: Self.arrival(
                Self.document("FJI", "FJ0000004", name: "RATU"), occurredAt: "2024-10-21T18:00:00Z", flight: "FJ252"))
        #expect(try JSON.parse(departure.body)["anomalies"] == ["noRecordedArrival"])

        // The supervisor corrects the visitor's flight, voids the stray departure, flags an overstay.
        let correction = try supervisor.post(
            "/v1/corrections",
            json: JSON.object([
                "document": Self.reference("AUS", "PA0000009"), "target": 1, "changes": ["flight": "FJ253"],
                "reason": "keyed the wrong flight",
            ]).serializedString())
        #expect(correction.status == 201, "\(correction.text)")
        let void = try supervisor.post(
            "/v1/voids",
            json: JSON.object([
                "document": Self.reference("FJI", "FJ0000004"), "target": 1, "reason": "crew, not a passenger",
            ])
            .serializedString())
        #expect(void.status == 201, "\(void.text)")
        let flag = try supervisor.post(
            "/v1/overstays/flags",
            json: JSON.object(["document": Self.reference("AUS", "PA0000009"), "reason": "reported by employer"])
                .serializedString())
        #expect(flag.status == 201, "\(flag.text)")

        // The officer lookup shows it all; the auditor reads the stream, actor and role in each event.
        var lookup = JSON.null
        #expect(
            try waitUntil(seconds: 20) {
                let response = try auditor.request("GET", "/v1/travellers?document=PA0000009&nationality=AUS")
                lookup = (try? JSON.parse(response.body)) ?? .null
                return lookup["overstayFlagged"] == true
            })
        #expect(lookup["crossings"]?.arrayValue?.first?["flight"] == "FJ253")
        #expect(lookup["crossings"]?.arrayValue?.first?["corrected"] == true)
        #expect(lookup["permits"]?.arrayValue?.first?["validUntil"] == "2025-01-20")
        let stream = lookup["stream"]?.stringValue ?? ""
        let history = try JSON.parse(try auditor.request("GET", "/v1/travellers/\(stream)/events").body)
        let types = history["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(
            types == ["ArrivalRecorded", "PermitGranted", "PermitExtended", "CrossingCorrected", "OverstayFlagged"])
        let actors = history["events"]?.arrayValue?.compactMap { $0["metadata"]?["role"]?.stringValue }
        #expect(actors == ["officer", "officer", "visa-officer", "supervisor", "supervisor"])
        #expect(history["events"]?.arrayValue?.first?["metadata"]?["actor"] == "e2e-officer")
        #expect(history["events"]?.arrayValue?.first?["recordedAt"] != nil)
        let voided = try JSON.parse(try auditor.request("GET", "/v1/travellers?document=FJ0000004").body)
        #expect(voided["crossings"]?.arrayValue?.first?["voided"] == true)
        #expect(voided["inCountry"] == false)
        try auditorReadsTheTimeline(system)
        try statisticianCountsTheDay(auditor)
    }

    /// The statistics read model: two arrivals on the 21st; the stray departure was voided.
    func statisticianCountsTheDay(_ client: HTTPClient) throws {
        let target = "/v1/statistics/crossings?from=2024-10-21&to=2024-10-21&groupBy=direction,port"
        var csv = ""
        #expect(
            try waitUntil(seconds: 20) {
                csv = try client.request("GET", target + "&format=csv").text
                return csv.contains("arrival")
            })
        #expect(csv == "direction,port,crossings\r\narrival,APW,2\r\n")
        let json = try JSON.parse(try client.request("GET", target).body)
        #expect(json["rows"] == [["direction": "arrival", "port": "APW", "crossings": 2]])
        let bad = try client.request("GET", "/v1/statistics/crossings?from=2024-10-21&to=2024-10-21&groupBy=colour")
        #expect(bad.status == 400)
        #expect(try JSON.parse(bad.body)["error"]?["field"] == "groupBy")
    }

    /// `border audit history`: the correction stands right under the crossing it corrects.
    func auditorReadsTheTimeline(_ system: RunningSystem) throws {
        let lines = try system.run(["audit", "history", "PA0000009"], as: system.auditorURL).split(separator: "\n")
            .map(String.init)
        let arrival = lines.firstIndex { $0.contains("v1  arrival at APW on FJ251") }

        #expect(arrival != nil)
        #expect(
            lines.dropFirst((arrival ?? 0) + 1).first?.contains("↳ v1 corrected (flight): keyed the wrong flight")
                == true)
        #expect(lines.contains { $0.contains("by officer e2e-officer") })
        #expect(lines.contains { $0.contains("permit-2 extended to 2025-01-20") && $0.contains("visa-officer") })
        #expect(lines.contains("in recorded order (what the system knew, when):"))
        #expect(try system.run(["audit", "verify"], as: system.auditorURL).contains("OK: positions 1..."))
        let asOf = try system.run(
            ["audit", "as-of", "2024-10-21T12:00:00Z", "--occurred", "--document", "PA0000009"], as: system.auditorURL)
        // What had happened by noon as the log now knows it: the correction made later is a fact
        // about the 09:00 crossing, so the flight shows corrected.
        #expect(asOf.contains("\"flight\":\"FJ253\""), "\(asOf)")
        #expect(asOf.contains("\"corrected\":true"))
        // A read-model snapshot taken as the application (what a projector runs as) is read by
        // the auditor's role: an as-of at the head starts from it.
        let snapshot = try system.run(["project", "officer-lookup", "--snapshot"])
        #expect(snapshot.hasPrefix("OK: officer-lookup snapshot at position"), "\(snapshot)")
        let atHead = try system.run(["audit", "as-of", "1000000", "--in-country"], as: system.auditorURL)
        #expect(atHead.contains("rebuilt from the read-model snapshot at position"), "\(atHead)")
        let auditor = try PostgresConnection(conninfo: system.auditorURL)
        #expect(throws: PostgresError.self, "the auditor's role cannot write the log") {
            try auditor.execute("INSERT INTO events SELECT * FROM events LIMIT 1")
        }
    }

    @Test func tokensAndRolesGuardEveryCommand() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let body = JSON.object(["document": Self.reference("AUS", "PA0000009"), "reason": "x"]).serializedString()

        let none = try system.client(token: nil).post("/v1/overstays/flags", json: body)
        let forged = try system.client(token: "bct_" + String(repeating: "0", count: 64)).post(
            "/v1/overstays/flags", json: body)
        let officer = try system.client.post("/v1/overstays/flags", json: body)
        let auditor = try system.client(token: try system.token(role: "auditor")).post("/v1/arrivals", json: "{}")

        #expect(none.status == 401)
        #expect(none.headers["www-authenticate"] == "Bearer")
        #expect(try JSON.parse(none.body)["error"]?["field"] == "Authorization")
        #expect(forged.status == 401)
        #expect(officer.status == 403)
        #expect(try JSON.parse(officer.body)["error"]?["code"] == "forbidden")
        #expect(auditor.status == 403)
        #expect(try system.client(token: nil).request("GET", "/health").status == 200)
        let head = try JSON.parse(try system.client.request("GET", "/health").body)["log"]?["position"]
        #expect(head == 0, "refused commands store nothing")
    }

    @Test func unknownStateCodeIsRefusedNamingTheField() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let visaOffice = system.client(token: try system.token(role: "visa-officer"))
        let body = JSON.object([
            "document": Self.reference("ZZZ", "PA0000009"), "kind": "visa", "category": "work",
            "validFrom": "2024-10-01", "validUntil": "2025-10-01",
        ])

        let response = try visaOffice.post("/v1/permits", json: body.serializedString())

        #expect(response.status == 400)
        #expect(try JSON.parse(response.body)["error"]?["field"] == "document.issuingState")
        #expect(!response.text.contains("ZZZ"))
    }

    @Test func badAccreditationListStoresNothingAndNamesTheRow() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let desk = system.client(token: try system.token(role: "accreditation"))
        let list = """
            accreditationId,summit,delegation,role,issuingState,documentNumber,validFrom,validUntil
            CHOGM-0002,CHOGM2024,NZL,minister,NZL,NZ0000002,2024-10-18,2024-10-27
            CHOGM-0003,CHOGM2024,NZL,emperor,NZL,NZ0000003,2024-10-18,2024-10-27
            """

        let response = try desk.request(
            "POST", "/v1/accreditations/imports", headers: [("Content-Type", "text/csv")], body: Array(list.utf8))

        #expect(response.status == 400)
        #expect(try JSON.parse(response.body)["error"]?["field"] == "row 3: role")
        #expect(try JSON.parse(try system.client.request("GET", "/health").body)["log"]?["position"] == 0)
    }
}
