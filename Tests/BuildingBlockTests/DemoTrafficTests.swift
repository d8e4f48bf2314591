import BorderDomain
import BorderTime
import DemoTraffic
import Foundation
import Testing

@Suite("Generated demo traffic")
struct DemoTrafficTests {
    static var sharedData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    @Test func builtInMixMatchesSharedVisitorMix() throws {
        let csv = try String(contentsOf: Self.sharedData.appendingPathComponent("visitor-mix.csv"), encoding: .utf8)

        #expect(VisitorMix.parse(csv: csv).rows == VisitorMix.samoa.rows)
    }

    @Test func everyGeneratedPassportParses() throws {
        let day = CivilDay(year: 2024, month: 10, day: 20)
        let plan = DemoDay(day: day, arrivals: 300, departures: 200, seed: 7)
        let reference = CalendarDate(year: 2024, month: 10, day: 20)!

        for movement in plan.movements + plan.earlierArrivals {
            let document = try MRZ.parse(movement.traveller.mrz, relativeTo: reference)
            #expect(document.documentNumber == movement.traveller.documentNumber)
            #expect(document.nationality == movement.traveller.nationality)
        }
        #expect(plan.movements.count == 501)
        #expect(plan.earlierArrivals.count == 200)
    }

    @Test func nationalitiesFollowTheMix() {
        let plan = DemoDay(day: CivilDay(year: 2024, month: 10, day: 20), arrivals: 4000, departures: 0, seed: 11)
        let arrivals = plan.movements.filter { $0.direction == "arrival" }
        let share = { (code: String) in Double(arrivals.filter { $0.traveller.nationality == code }.count) / 4000 }

        #expect(abs(share("NZL") - 0.43) < 0.03)
        #expect(abs(share("AUS") - 0.26) < 0.03)
        #expect(share("D") > 0.005)
        #expect(share("DEU") == 0)
    }

    @Test func sameSeedGivesSameDay() {
        let day = CivilDay(year: 2024, month: 10, day: 20)
        let first = DemoDay(day: day, arrivals: 50, departures: 50, seed: 3)
        let second = DemoDay(day: day, arrivals: 50, departures: 50, seed: 3)

        #expect(first.movements.map(\.traveller.mrz) == second.movements.map(\.traveller.mrz))
        #expect(first.movements.allSatisfy { $0.occurredAt.civilDay == day || $0.direction == "departure" })
    }
}
