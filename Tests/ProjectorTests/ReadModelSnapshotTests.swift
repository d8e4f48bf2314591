import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import Postgres
import Projections
import Snapshots
import TestSupport
import Testing

@Suite("Read-model snapshots")
struct ReadModelSnapshotTests {
    /// The live read models of a test schema, each migrated and caught up with the log.
    static func live(_ name: String, in database: TestDatabase, on connection: PostgresConnection) throws
        -> any Projection
    {
        let projection: any Projection =
            switch name {
            case "officer-lookup": OfficerLookup(schema: "\(database.schema)_lookup")
            case "statistics": Statistics(schema: "\(database.schema)_statistics")
            default: Delegates(schema: "\(database.schema)_delegates")
            }
        try Migrator().migrate(try projection.migrations(), on: connection)
        while try Projector(projection: projection).runBatch(on: connection) > 0 {}
        return projection
    }

    static func rowCount(_ projection: any Projection, on connection: PostgresConnection) throws -> Int64 {
        try projection.checksumTables.reduce(0) { total, table in
            total + (try connection.query("SELECT count(*) FROM \(projection.schema).\(table.name)")[0].int64(0))
        }
    }

    @Test(arguments: ["officer-lookup", "statistics", "summit-delegates"])
    func restoredSnapshotHoldsExactlyTheRowsItWasTakenFrom(_ name: String) throws {
        var desk = try StatisticsDesk()
        OfficerLookupPageTests.recordWeek(on: &desk)
        let connection = desk.connection
        try Migrator().migrate(try AggregateLoader<Void>.migrations(), on: connection)
        let live = try Self.live(name, in: desk.database, on: connection)
        let head = try EventStore().head(on: connection).position

        let taken = try Projector(projection: live).takeSnapshot(on: connection)
        let restored = try ScratchBuild.build(live, upTo: head, fromSnapshot: true, on: connection)
        defer { try? restored.drop(on: connection) }

        #expect(taken?.position == head && taken?.isNew == true)
        #expect(taken.map { Int64($0.rows) } == (try Self.rowCount(live, on: connection)))
        #expect(try Self.rowCount(live, on: connection) > 0)
        #expect(restored.startedFrom == head)
        #expect(try restored.projection.checksums(on: connection) == live.checksums(on: connection))
    }

    /// A test schema with the snapshot tables, an officer lookup not yet projected, and ten
    /// crossings of one traveller in the log.
    static func tenCrossings() throws -> (TestDatabase, PostgresConnection, OfficerLookup) {
        let database = try TestDatabase(prefix: "rms")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        try Migrator().migrate(try AggregateLoader<Void>.migrations(), on: connection)
        let live = OfficerLookup(schema: "\(database.schema)_lookup")
        try Migrator().migrate(try live.migrations(), on: connection)
        for (index, day) in (10...19).enumerated() {
            try AsOfTests.record(
                index % 2 == 0 ? .arrival : .departure, occurred: "2024-10-\(day)T10:00:00Z", version: Int64(index),
                on: connection)
        }
        return (database, connection, live)
    }

    @Test func asOfBuildFromASnapshotEqualsABuildFromTheFirstEvent() throws {
        let (_, connection, live) = try Self.tenCrossings()
        let projector = Projector(projection: live, configuration: .init(batchSize: 4))
        for _ in 1...2 {
            _ = try projector.runBatch(on: connection)
            try projector.takeSnapshot(on: connection)
        }
        while try projector.runBatch(on: connection) > 0 {}

        let fromSnapshot = try ScratchBuild.build(live, upTo: 10, fromSnapshot: true, on: connection)
        defer { try? fromSnapshot.drop(on: connection) }
        let fromStart = try ScratchBuild.build(live, upTo: 10, on: connection)
        defer { try? fromStart.drop(on: connection) }

        #expect(fromSnapshot.startedFrom == 8)
        #expect(fromStart.startedFrom == nil)
        #expect(try fromSnapshot.projection.checksums(on: connection) == fromStart.projection.checksums(on: connection))
        let earlier = try ScratchBuild.build(live, upTo: 6, fromSnapshot: true, on: connection)
        defer { try? earlier.drop(on: connection) }
        #expect(earlier.startedFrom == 4)
        #expect(earlier.applied == 6)
        let before = try ScratchBuild.build(live, upTo: 3, fromSnapshot: true, on: connection)
        defer { try? before.drop(on: connection) }
        #expect(before.startedFrom == nil)
        #expect(before.applied == 3)
    }

    /// More events than a page of a scratch build (5,000) and tables of many database pages: the
    /// snapshot is taken mid-log, and as-of at the head from it equals as-of from the first event.
    @Test func snapshotOfAModelLargerThanAPageRestoresAndCarriesOn() throws {
        let database = try TestDatabase(prefix: "rmsbig")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        try Migrator().migrate(try AggregateLoader<Void>.migrations(), on: connection)
        try Self.appendSummitWeek(perDay: 300, on: connection)
        let live = OfficerLookup(schema: "\(database.schema)_lookup")
        try Migrator().migrate(try live.migrations(), on: connection)
        let projector = Projector(projection: live, configuration: .init(batchSize: 5000))
        _ = try projector.runBatch(on: connection)
        let taken = try #require(try projector.takeSnapshot(on: connection))
        while try projector.runBatch(on: connection) > 0 {}
        let head = try projector.checkpoint(on: connection)

        let fromSnapshot = try ScratchBuild.build(live, upTo: head, fromSnapshot: true, on: connection)
        defer { try? fromSnapshot.drop(on: connection) }
        let fromStart = try ScratchBuild.build(live, upTo: head, on: connection)
        defer { try? fromStart.drop(on: connection) }

        #expect(taken.position == 5000 && head > 5000)
        #expect(taken.rows > 5000)
        let pages = try connection.query("SELECT pg_relation_size('read_model_snapshot_rows') / 8192")[0].int64(0)
        #expect(pages > 100)
        #expect(fromSnapshot.startedFrom == 5000)
        #expect(try fromSnapshot.projection.checksums(on: connection) == fromStart.projection.checksums(on: connection))
        #expect(try fromSnapshot.projection.checksums(on: connection) == live.checksums(on: connection))
    }

    /// Appends a generated summit week in batches of 1,000 commands, each decided by the domain.
    static func appendSummitWeek(perDay: Int, on connection: PostgresConnection) throws {
        var travellers = [String: Traveller]()
        var requests = [AppendRequest]()
        let week = SummitWeek(firstDay: CivilDay(year: 2024, month: 10, day: 20), perDay: perDay, seed: 77)
        for step in week.steps {
            let stream = "traveller-\(step.issuingState)-\(step.documentNumber)"
            var traveller = travellers[stream] ?? Traveller()
            guard let events = try? traveller.decide(step.command), !events.isEmpty else { continue }
            requests.append(
                AppendRequest(
                    stream: stream, expected: traveller.version == 0 ? .noStream : .exactly(traveller.version),
                    events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }))
            for event in events { traveller.apply(event) }
            travellers[stream] = traveller
        }
        for start in stride(from: 0, to: requests.count, by: 1000) {
            let batch = Array(requests[start..<min(start + 1000, requests.count)])
            for result in EventStore().append(batch, on: connection) { _ = try result.get() }
        }
    }
}
