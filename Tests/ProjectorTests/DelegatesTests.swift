import BorderDomain
import BorderTime
import Foundation
import JSON
import Postgres
import Testing

@testable import Projections

@Suite("Summit delegates read model")
struct DelegatesTests {
    static let alice = DelegatesDesk.passport("GB0000001")
    static let bruno = DelegatesDesk.passport("GB0000002", surname: "ROSSI")

    @Test func delegateGoesFromExpectedToInCountryToDeparted() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        #expect(try desk.roster(of: "GBR")["CHOGM-1"]?["status"] == "expected")

        try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        let arrived = try desk.roster(of: "GBR")["CHOGM-1"]
        #expect(arrived?["status"] == "in-country")
        #expect(arrived?["firstArrivalAt"] == "2024-10-20T09:00:00Z")
        #expect(arrived?["holder"]?["primaryIdentifier"] == "SMITH")

        try desk.cross(.departure, Self.alice, at: "2024-10-27T18:00:00Z")
        let departed = try desk.roster(of: "GBR")["CHOGM-1"]
        #expect(departed?["status"] == "departed")
        #expect(departed?["lastDepartureAt"] == "2024-10-27T18:00:00Z")
        #expect(departed?["crossings"]?.arrayValue?.map { $0["direction"] } == ["departure", "arrival"])
    }

    @Test func revokedAccreditationIsShownRevokedAndNotCountedAsAccredited() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        try desk.accredit("CHOGM-2", Self.bruno)
        try desk.decide(
            .revokeAccreditation(
                Withdrawal(id: "CHOGM-2", reason: "replaced"), at: DelegatesDesk.at("2024-10-02T09:00:00Z")),
            for: Self.bruno)

        let roster = try desk.roster(of: "GBR")
        #expect(roster["CHOGM-2"]?["status"] == "revoked")
        #expect(roster["CHOGM-2"]?["revoked"] == true)
        let counts = try desk.delegates.delegation("GBR", summit: "CHOGM2024", on: desk.connection)
        #expect(counts?["accredited"] == 1)
        #expect(counts?["expected"] == 1)
        #expect(counts?["revoked"] == 1)
    }

    @Test func voidedArrivalMeansNotArrived() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        let version = try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        try desk.decide(
            .voidCrossing(target: version, reason: "wrong passport", at: DelegatesDesk.at("2024-10-20T10:00:00Z")),
            for: Self.alice)

        let delegate = try desk.roster(of: "GBR")["CHOGM-1"]
        #expect(delegate?["status"] == "expected")
        #expect(delegate?["firstArrivalAt"] == .null)
        #expect(delegate?["crossings"]?.arrayValue?.first?["voided"] == true)
    }

    @Test func correctedArrivalMovesTheArrivalTime() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        let version = try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        let correction = Correction(
            target: version, occurredAt: DelegatesDesk.at("2024-10-19T23:00:00Z"), flight: "NZ992",
            reason: "desk clock")
        try desk.decide(.correctCrossing(correction, at: DelegatesDesk.at("2024-10-21T08:00:00Z")), for: Self.alice)

        let delegate = try desk.roster(of: "GBR")["CHOGM-1"]
        #expect(delegate?["firstArrivalAt"] == "2024-10-19T23:00:00Z")
        #expect(delegate?["crossings"]?.arrayValue?.first?["flight"] == "NZ992")
        #expect(delegate?["crossings"]?.arrayValue?.first?["corrected"] == true)
    }

    @Test func arrivalOnAPassportOtherThanAccreditedIsFlagged() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice, expectedSurname: "JONES")
        try desk.accredit("CHOGM-2", Self.bruno)
        try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        try desk.cross(.arrival, Self.bruno, at: "2024-10-20T09:05:00Z")

        let roster = try desk.roster(of: "GBR")
        #expect(roster["CHOGM-1"]?["mismatch"] == true)
        #expect(roster["CHOGM-2"]?["mismatch"] == false)
        let counts = try desk.delegates.delegation("GBR", summit: "CHOGM2024", on: desk.connection)
        #expect(counts?["mismatched"] == 1)
        #expect(counts?["inCountry"] == 2)
    }

    /// An arrival months before the summit window (last year's holiday) is not the summit's.
    @Test func crossingOutsideTheSummitWindowDoesNotCount() throws {
        var desk = try DelegatesDesk()
        try desk.cross(.arrival, Self.alice, at: "2024-05-01T09:00:00Z")
        try desk.accredit("CHOGM-1", Self.alice)

        #expect(try desk.roster(of: "GBR")["CHOGM-1"]?["status"] == "expected")
        try desk.cross(.arrival, Self.alice, at: "2024-10-17T09:00:00Z")
        #expect(try desk.roster(of: "GBR")["CHOGM-1"]?["status"] == "in-country", "a day early counts")
    }

    @Test func expectedListsDelegatesValidThatDayWhoHaveNotArrived() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        try desk.accredit("CHOGM-2", Self.bruno)
        try desk.accredit("CHOGM-3", DelegatesDesk.passport("NZ0000003", state: "NZL"))
        try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        try desk.project()

        let expected = try desk.delegates.expected(
            summit: "CHOGM2024", on: CivilDay(year: 2024, month: 10, day: 21), on: desk.connection)
        #expect(expected.map { $0["accreditationId"] } == ["CHOGM-2", "CHOGM-3"])
        let before = try desk.delegates.expected(
            summit: "CHOGM2024", on: CivilDay(year: 2024, month: 10, day: 17), on: desk.connection)
        #expect(before.isEmpty, "no accreditation is valid before 18 October")
    }

    @Test func everyMemberStateIsListedAndAnOtherDelegationToo() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice)
        try desk.accredit("CHOGM-9", DelegatesDesk.passport("UN0000009", state: "NZL"), delegation: "UNO")
        try desk.project()

        let delegations = try desk.delegates.delegations(summit: "CHOGM2024", on: desk.connection)
        #expect(delegations.count == 57)
        #expect(delegations.filter { $0["member"] == true }.count == 56)
        let byCode = Dictionary(uniqueKeysWithValues: delegations.map { ($0["code"]?.stringValue ?? "", $0) })
        #expect(byCode["GBR"]?["accredited"] == 1)
        #expect(byCode["WSM"]?["accredited"] == 0)
        #expect(byCode["WSM"]?["name"] == "Samoa")
        #expect(byCode["UNO"]?["member"] == false)
        #expect(try desk.delegates.delegation("XXX", summit: "CHOGM2024", on: desk.connection) == nil)
    }

    @Test func bundledMemberListIsTheSharedReferenceData() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/data/commonwealth-members.csv")
        let text = try String(contentsOf: shared, encoding: .utf8)
        #expect(try Delegates.memberStates() == Delegates.parseMembers(text))
        #expect(try Delegates.memberStates().count == 56)
    }

    /// `border project summit-delegates --verify`: the live read model equals a scratch rebuild.
    @Test func liveReadModelEqualsARebuildFromTheLog() throws {
        var desk = try DelegatesDesk()
        try desk.accredit("CHOGM-1", Self.alice, expectedSurname: "JONES")
        try desk.accredit("CHOGM-2", Self.bruno)
        let version = try desk.cross(.arrival, Self.alice, at: "2024-10-20T09:00:00Z")
        try desk.cross(.arrival, Self.bruno, at: "2024-10-20T09:05:00Z")
        try desk.cross(.departure, Self.bruno, at: "2024-10-26T09:05:00Z")
        try desk.decide(
            .voidCrossing(target: version, reason: "duplicate", at: DelegatesDesk.at("2024-10-21T00:00:00Z")),
            for: Self.alice)
        try desk.project()

        try expectRebuildEqualsLive(desk.delegates, on: desk.connection)
    }
}
