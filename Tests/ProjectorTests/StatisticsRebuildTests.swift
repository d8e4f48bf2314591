import BorderDomain
import BorderTime
import DemoTraffic
import Postgres
import Projections
import Testing

@Suite("Statistics of a generated day")
struct StatisticsRebuildTests {
    static let day = CivilDay(year: 2024, month: 10, day: 20)

    /// Records a generated day at two ports; returns the expected arrivals and departures by
    /// `[day, port, nationality, direction]`.
    static func recordDay(on desk: inout StatisticsDesk) throws -> [[String]: Int] {
        let plan = DemoDay(day: day, arrivals: 60, departures: 30, seed: 11)
        var expected = [[String]: Int]()
        for (index, movement) in (plan.earlierArrivals + plan.movements).enumerated() {
            let document = DocumentFacts(
                try MRZ.parse(movement.traveller.mrz, relativeTo: CalendarDate(year: 2024, month: 10, day: 20)!))
            let port = index % 3 == 0 ? "FGI" : "APW"
            let direction: Crossing.Direction = movement.direction == "arrival" ? .arrival : .departure
            try desk.cross(direction, document, at: movement.occurredAt.description, port: port)
            let key = [movement.occurredAt.civilDay.description, port, document.nationality, movement.direction]
            expected[key, default: 0] += 1
        }
        return expected
    }

    @Test func countsPerDayPortAndNationalityMatchTheRecordedDay() throws {
        var desk = try StatisticsDesk()
        let expected = try Self.recordDay(on: &desk)

        let rows = try desk.crossings(
            ["day", "port", "nationality", "direction"], from: "2024-09-01", to: "2024-10-31")
        let counted = Dictionary(uniqueKeysWithValues: rows.map { (Array($0.dropLast()), Int($0.last!)!) })
        #expect(counted == expected)
        let arrivalsOnTheDay = expected.filter { $0.key[0] == "2024-10-20" && $0.key[3] == "arrival" }.values.reduce(
            0, +)
        #expect(
            try desk.crossings(["direction"], from: "2024-10-20", to: "2024-10-20") == [
                ["arrival", String(arrivalsOnTheDay)], ["departure", "30"],
            ])
    }

    /// `border project statistics --verify`: the live read model, after corrections and voids,
    /// equals a scratch rebuild from the log.
    @Test func liveReadModelEqualsARebuildFromTheLog() throws {
        var desk = try StatisticsDesk()
        _ = try Self.recordDay(on: &desk)
        let moved = StatisticsDesk.document("R1")
        let version = try desk.cross(.arrival, moved, at: "2024-10-20T12:00:00Z")
        let later = StatisticsDesk.at("2024-10-21T12:00:00Z")
        try desk.decide(
            .correctCrossing(Correction(target: version, port: "FGI", reason: "desk"), at: later), on: moved)
        try desk.decide(
            .correctCrossing(Correction(target: version, occurredAt: later, reason: "clock"), at: later), on: moved)
        try desk.decide(.voidCrossing(target: version, reason: "duplicate", at: later), on: moved)
        try desk.project()

        try expectRebuildEqualsLive(desk.statistics, on: desk.connection)
    }
}

@Suite("Statistics as CSV")
struct StatisticsCSVTests {
    @Test func csvQuotesOnlyWhatNeedsQuotingAndEndsEveryRecordInCRLF() {
        let report = StatisticsReport(
            columns: ["category", "note", "decisions"],
            rows: [["work", .null, 3], ["a,b", "say \"hi\"\nthere", 12]])

        #expect(report.csv == "category,note,decisions\r\nwork,,3\r\n\"a,b\",\"say \"\"hi\"\"\nthere\",12\r\n")
        #expect(report.json[1] == ["category": "a,b", "note": "say \"hi\"\nthere", "decisions": 12])
    }
}
