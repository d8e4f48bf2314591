import Foundation
import HTTPClient
import JSON
import TestSupport
import Testing

/// The accreditation desk follows its delegates through `border project summit-delegates`.
@Suite("Summit delegates through the API", .serialized)
struct DelegatesEndToEndTests {
    static func accreditation(_ id: String, _ state: String, _ number: String, surname: String) -> String {
        JSON.object([
            "document": SummitDayTests.reference(state, number), "accreditationId": .string(id),
            "summit": "CHOGM2024", "delegation": .string(state), "role": "minister", "validFrom": "2024-10-18",
            "validUntil": "2024-10-27",
            "holder": [
                "primaryIdentifier": .string(surname), "secondaryIdentifiers": ["ALEX"], "nationality": .string(state),
            ],
        ]).serializedString()
    }

    @Test func deskSeesOneDelegateArrivedAndTheOtherExpected() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        let desk = system.client(token: try system.token(role: "accreditation"))
        for (id, number, surname) in [("CHOGM-0101", "GB0000101", "HALE"), ("CHOGM-0102", "GB0000102", "IRVING")] {
            let accredited = try desk.post(
                "/v1/accreditations", json: Self.accreditation(id, "GBR", number, surname: surname))
            #expect(accredited.status == 201, "\(accredited.text)")
        }
        let arrival = try system.client.post(
            "/v1/arrivals",
            json: SummitDayTests.arrival(SummitDayTests.document("GBR", "GB0000101", name: "HALE"), flight: "NZ990"))
        #expect(arrival.status == 201, "\(arrival.text)")

        var britain = JSON.null
        #expect(
            try waitUntil(seconds: 20) {
                let answer = try JSON.parse(try desk.request("GET", "/v1/delegations?summit=CHOGM2024").body)
                britain = answer["delegations"]?.arrayValue?.first { $0["code"] == "GBR" } ?? .null
                return britain["arrived"] == 1
            })
        #expect(britain["accredited"] == 2)
        #expect(britain["inCountry"] == 1)
        #expect(britain["expected"] == 1)
        #expect(britain["mismatched"] == 0)

        let expected = try desk.request("GET", "/v1/delegates/expected?summit=CHOGM2024&on=2024-10-21")
        #expect(expected.status == 200, "\(expected.text)")
        let delegates = try JSON.parse(expected.body)["delegates"]?.arrayValue ?? []
        #expect(delegates.map { $0["accreditationId"] } == ["CHOGM-0102"])
        #expect(delegates.first?["holder"]?["primaryIdentifier"] == "IRVING")

        let refused = try desk.request("GET", "/v1/delegates/expected?summit=CHOGM2024&day=2024-10-21")
        #expect(refused.status == 400)
        #expect(try JSON.parse(refused.body)["error"]?["field"] == "day")
    }
}
