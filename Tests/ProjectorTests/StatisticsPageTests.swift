import BorderDomain
import BorderTime
import EventStore
import Postgres
import Projections
import Testing

/// The statistics apply a page of events as a few set-based statements; applying the same log
/// one event at a time (`apply(_ event:)`) is the reference they must equal, whatever the page
/// size, with corrections, voids, extensions and cancellations cutting the runs.
@Suite("Statistics by the page")
struct StatisticsPageTests {
    @Test(arguments: [1, 3, 7, 50, 10_000])
    func pagesGiveTheTablesThatEventsOneByOneGive(pageSize: Int) throws {
        var desk = try StatisticsDesk()
        try Self.recordHistory(on: &desk)
        let events = try EventStore().read(after: 0, limit: 100_000, on: desk.connection)
        let one = try Self.statistics(named: "one", in: desk)
        let paged = try Self.statistics(named: "paged", in: desk)

        for event in events { try one.apply(event, on: desk.connection) }
        for start in stride(from: 0, to: events.count, by: pageSize) {
            try paged.apply(Array(events[start..<min(start + pageSize, events.count)]), on: desk.connection)
        }

        let crossings = events.filter { ["ArrivalRecorded", "DepartureRecorded"].contains($0.type) }.count
        #expect(crossings > 90)
        let expected = try one.checksums(on: desk.connection)
        #expect(try paged.checksums(on: desk.connection) == expected)
        let counted = try desk.connection.query(
            """
            SELECT (SELECT sum(crossings) FROM \(paged.schema).crossings_daily),
                (SELECT count(*) FROM \(paged.schema).travellers WHERE overstay_flagged),
                (SELECT sum(decisions) FROM \(paged.schema).permit_decisions_daily WHERE decision <> 'granted')
            """)
        #expect(try counted[0].int64(0) == Int64(crossings - 1), "every crossing, less the one voided")
        #expect(try counted[0].int64(1) == 1, "one flag stands, one was cleared")
        #expect(try counted[0].int64(2) == 3, "an extension, a cancellation and a refusal")
    }

    static func statistics(named name: String, in desk: StatisticsDesk) throws -> Statistics {
        let statistics = Statistics(schema: "\(desk.database.schema)_\(name)")
        try Migrator().migrate(try statistics.migrations(), on: desk.connection)
        return statistics
    }

    /// A generated day, then a crossing corrected twice and voided, permits extended, cancelled
    /// and refused, and overstay flags set and cleared, with crossings between them.
    static func recordHistory(on desk: inout StatisticsDesk) throws {
        _ = try StatisticsRebuildTests.recordDay(on: &desk)
        let later = StatisticsDesk.at("2024-10-21T12:00:00Z")
        let moved = StatisticsDesk.document("R1")
        let version = try desk.cross(.arrival, moved, at: "2024-10-20T12:00:00Z")
        try desk.cross(.arrival, StatisticsDesk.document("R2", nationality: "FJI"), at: "2024-10-20T13:00:00Z")
        try desk.decide(
            .correctCrossing(Correction(target: version, port: "FGI", reason: "desk"), at: later), on: moved)
        try desk.cross(.departure, StatisticsDesk.document("R2", nationality: "FJI"), at: "2024-10-21T13:00:00Z")
        try desk.decide(
            .correctCrossing(Correction(target: version, occurredAt: later, reason: "clock"), at: later), on: moved)
        try desk.decide(
            .extendPermit(
                PermitExtension(permitId: "permit-2", validUntil: CivilDay(year: 2025, month: 1, day: 10)), at: later),
            on: moved)
        try desk.decide(.voidCrossing(target: version, reason: "duplicate", at: later), on: moved)
        let student = StatisticsDesk.document("S1", nationality: "FRA")
        let day = CivilDay(year: 2024, month: 10, day: 20)
        let grant = PermitGrant(kind: .visa, category: "study", validFrom: day, validUntil: day.adding(days: 300))
        try desk.decide(.grantPermit(grant, at: later), on: student)
        try desk.cross(.arrival, student, at: "2024-10-21T14:00:00Z")
        try desk.decide(.cancelPermit(Withdrawal(id: "permit-1", reason: "left course"), at: later), on: student)
        try desk.decide(
            .refusePermit(PermitRefusal(kind: .visa, category: "work", reason: "no"), at: later), on: student)
        try desk.decide(.flagOverstay(reason: "seen", at: later), on: student)
        try desk.decide(.clearOverstay(reason: "extended", at: later), on: student)
        try desk.decide(.flagOverstay(reason: "seen again", at: later), on: student)
        let other = StatisticsDesk.document("S2", nationality: "TON")
        try desk.cross(.arrival, other, at: "2024-10-20T15:00:00Z")
        try desk.decide(.flagOverstay(reason: "seen", at: later), on: other)
        try desk.decide(.clearOverstay(reason: "left", at: later), on: other)
    }
}
