import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import Postgres
import Projections
import TestSupport
import Testing

@Suite("The officer lookup applied a page at a time")
struct OfficerLookupPageTests {
    /// Appends a generated summit week (crossings, permits on arrival, accreditations, a visa, a
    /// correction, a void, an overstay flag) through the desk, as `border serve` would.
    static func recordWeek(on desk: inout StatisticsDesk) {
        let week = SummitWeek(firstDay: CivilDay(year: 2024, month: 10, day: 20), days: 3, perDay: 30, delegates: 4)
        for step in week.steps {
            // A generated command the domain refuses is left out, as the API would refuse it.
            try? desk.decide(
                step.command, on: StatisticsDesk.document(step.documentNumber, nationality: step.issuingState))
        }
    }

    /// Pages of set-based statements (issue #5's rebuild rate) leave the same tables as
    /// applying the events one by one.
    @Test func pageAtATimeEqualsEventAtATime() throws {
        var desk = try StatisticsDesk()
        Self.recordWeek(on: &desk)
        let connection = desk.connection
        let events = try EventStore().read(after: 0, limit: 100_000, on: connection)
        #expect(Set(events.map(\.type)).isSuperset(of: ["CrossingCorrected", "CrossingVoided", "DelegateAccredited"]))

        let paged = try ScratchBuild.build(OfficerLookup(), upTo: events.last!.position, on: connection)
        defer { try? paged.drop(on: connection) }
        let single = OfficerLookup(schema: "\(desk.database.schema)_single")
        try Migrator().applyUnrecorded(try single.migrations(), on: connection)
        defer { _ = try? connection.execute("DROP SCHEMA \(single.schema) CASCADE") }
        for event in events { try single.apply(event, on: connection) }

        #expect(try paged.projection.checksums(on: connection) == single.checksums(on: connection))
    }
}
