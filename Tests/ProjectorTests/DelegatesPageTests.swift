import BorderDomain
import BorderTime
import EventStore
import Postgres
import Projections
import Testing

/// The summit delegates apply a page of events in one pipeline, with one refresh of movements
/// per stream after the page; pages of one event (each followed by its stream's refresh, as the
/// events were applied one by one before) are the reference.
@Suite("Summit delegates by the page")
struct DelegatesPageTests {
    @Test(arguments: [2, 3, 5, 8, 10_000])
    func pagesGiveTheTablesThatEventsOneByOneGive(pageSize: Int) throws {
        var desk = try DelegatesDesk()
        try Self.recordHistory(on: &desk)
        let events = try EventStore().read(after: 0, limit: 100_000, on: desk.connection)
        let one = try Self.delegates(named: "one", in: desk)
        let paged = try Self.delegates(named: "paged", in: desk)

        for event in events { try one.apply([event], on: desk.connection) }
        for start in stride(from: 0, to: events.count, by: pageSize) {
            try paged.apply(Array(events[start..<min(start + pageSize, events.count)]), on: desk.connection)
        }

        let expected = try one.checksums(on: desk.connection)
        #expect(try paged.checksums(on: desk.connection) == expected)
        let rows = try desk.connection.query(
            """
            SELECT accreditation_id, status, revoked, mismatch FROM \(paged.schema).delegates
            ORDER BY accreditation_id
            """)
        let delegates = try rows.map {
            [try $0.string(0), try $0.string(1), String(try $0.bool(2)), String(try $0.bool(3))]
        }
        #expect(
            delegates == [
                ["CHOGM-1", "expected", "false", "false"], ["CHOGM-2", "departed", "false", "false"],
                ["CHOGM-3", "in-country", "true", "false"], ["CHOGM-4", "in-country", "false", "false"],
                ["CHOGM-5", "in-country", "false", "true"],
            ])
    }

    static func delegates(named name: String, in desk: DelegatesDesk) throws -> Delegates {
        let delegates = Delegates(schema: "\(desk.database.schema)_\(name)")
        try Migrator().migrate(try delegates.migrations(), on: desk.connection)
        return delegates
    }

    /// Arrivals before and after accreditations, a mismatched passport, a corrected departure, a
    /// voided arrival, a revocation, and crossings outside the summit window.
    static func recordHistory(on desk: inout DelegatesDesk) throws {
        let alice = DelegatesDesk.passport("GB1000001")
        let bruno = DelegatesDesk.passport("NZ1000002", state: "NZL", surname: "ROSSI")
        let chen = DelegatesDesk.passport("SG1000003", state: "SGP", surname: "CHEN")
        let dina = DelegatesDesk.passport("FJ1000004", state: "FJI", surname: "DINA")
        let later = DelegatesDesk.at("2024-10-22T00:00:00Z")
        try desk.cross(.arrival, dina, at: "2024-10-19T08:00:00Z")
        try desk.accredit("CHOGM-1", alice, expectedSurname: "JONES")
        try desk.accredit("CHOGM-2", bruno)
        let arrival = try desk.cross(.arrival, alice, at: "2024-10-20T09:00:00Z")
        try desk.cross(.arrival, bruno, at: "2024-10-20T09:05:00Z")
        try desk.cross(.arrival, chen, at: "2024-09-01T09:05:00Z")
        let departure = try desk.cross(.departure, bruno, at: "2024-10-26T09:05:00Z")
        try desk.decide(.voidCrossing(target: arrival, reason: "duplicate", at: later), for: alice)
        try desk.accredit("CHOGM-3", chen)
        try desk.cross(.departure, chen, at: "2024-09-10T09:05:00Z")
        try desk.cross(.arrival, chen, at: "2024-10-21T10:00:00Z")
        try desk.decide(
            .correctCrossing(
                Correction(target: departure, occurredAt: DelegatesDesk.at("2024-10-27T10:00:00Z"), reason: "clock"),
                at: later), for: bruno)
        try desk.decide(.revokeAccreditation(Withdrawal(id: "CHOGM-3", reason: "replaced"), at: later), for: chen)
        try desk.accredit("CHOGM-4", dina)
        let eve = DelegatesDesk.passport("TO1000005", state: "TON", surname: "EVE")
        try desk.accredit("CHOGM-5", eve, expectedSurname: "OTHER")
        try desk.cross(.arrival, eve, at: "2024-10-21T11:00:00Z")
        for day in 10...12 { try desk.cross(.departure, alice, at: "2024-11-\(day)T09:00:00Z") }
    }
}
