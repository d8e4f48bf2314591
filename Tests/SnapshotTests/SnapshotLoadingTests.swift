import BorderAPI
import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import Postgres
import Snapshots
import TestSupport
import Testing

@Suite("Aggregate snapshots")
struct SnapshotLoadingTests {
    static func fixture() throws -> (TestDatabase, PostgresConnection) {
        let database = try TestDatabase(prefix: "snap")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        try Migrator().migrate(try AggregateLoader<Void>.migrations(), on: connection)
        return (database, connection)
    }

    static let document = DocumentFacts(
        format: "td3", documentCode: "P", issuingState: "AUS", documentNumber: "PA0000001", nationality: "AUS",
        primaryIdentifier: "SAMPLE", secondaryIdentifiers: ["ONE"], dateOfBirth: "1990-01-01", sex: "male",
        dateOfExpiry: "2031-01-01")

    static func randomCrossing(using generator: inout SeededGenerator) -> Crossing {
        Crossing(
            direction: Bool.random(using: &generator) ? .arrival : .departure, document: document, port: "APW",
            occurredAt: Timestamp(
                microseconds: Int64.random(
                    in: 1_700_000_000_000_000...1_800_000_000_000_000,
                    using: &generator)))
    }

    @Test(arguments: 1...12)
    func loadingWithSnapshotsGivesStateOfFullReplay(seed: Int) throws {
        let (_, connection) = try Self.fixture()
        var generator = SeededGenerator(seed: UInt64(seed))
        let store = EventStore()
        let every = Int.random(in: 1...7, using: &generator)
        let snapshotted = AggregateLoader(store: store, kind: .traveller, snapshotEvery: every)
        let replayed = AggregateLoader(store: store, kind: .traveller, snapshotEvery: 0)
        let stream = "traveller-random-\(seed)"

        let appends = Int.random(in: 1...40, using: &generator)
        for _ in 0..<appends {
            let (traveller, version) = try snapshotted.load(stream: stream, on: connection)
            // A command the record refuses (extending a cancelled permit, say) appends nothing.
            guard let events = try? traveller.decide(Self.randomCommand(for: traveller, using: &generator)) else {
                continue
            }
            _ = try store.append(
                AppendRequest(
                    stream: stream, expected: version == 0 ? .noStream : .exactly(version),
                    events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }),
                on: connection)
            let fast = try snapshotted.load(stream: stream, on: connection)
            let full = try replayed.load(stream: stream, on: connection)
            #expect(fast.aggregate == full.aggregate)
            #expect(fast.version == full.version)
        }
        let taken = try connection.query("SELECT count(*) FROM aggregate_snapshots WHERE stream = $1", [stream])
        let final = try replayed.load(stream: stream, on: connection)
        #expect(try taken[0].int64(0) == (final.version >= every ? 1 : 0))
    }

    @Test func snapshotOfAnotherSchemaVersionOrUnreadableIsIgnored() throws {
        let (_, connection) = try Self.fixture()
        let store = EventStore()
        var generator = SeededGenerator(seed: 99)
        var traveller = Traveller()
        for version in 1...5 {
            let event = try traveller.decide(.recordCrossing(Self.randomCrossing(using: &generator)))[0]
            traveller.apply(event)
            _ = try store.append(
                AppendRequest(
                    stream: "t", expected: .exactly(Int64(version - 1)),
                    events: [NewEvent(type: event.type, data: event.data, occurredAt: event.occurredAt)]),
                on: connection)
        }
        let snapshots = SnapshotStore()
        try snapshots.save(
            stream: "t", schemaVersion: Traveller.stateSchemaVersion - 1, version: 5,
            state: ["applied": 0, "crossings": []],
            on: connection)
        let loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: 100)

        #expect(try loader.load(stream: "t", on: connection).aggregate == traveller)

        try snapshots.save(
            stream: "t", schemaVersion: Traveller.stateSchemaVersion, version: 4, state: ["nonsense": true],
            on: connection)
        #expect(try loader.load(stream: "t", on: connection).aggregate == traveller)
        #expect(try loader.load(stream: "t", on: connection).version == 5)

        try snapshots.save(
            stream: "t", schemaVersion: Traveller.stateSchemaVersion, version: 5,
            state: ["applied": 0, "crossings": [], "permits": [], "accreditations": []],
            on: connection)
        #expect(try loader.load(stream: "t", on: connection).aggregate == Traveller(), "the snapshot is what is read")
    }

    /// The snapshot and the events after it come in one query: with no snapshot, the whole
    /// stream; with one at the head, no event; an unknown stream, nothing.
    @Test func aSnapshotAndItsTailAreReadTogether() throws {
        let (_, connection) = try Self.fixture()
        let store = EventStore()
        for version in 1...5 {
            let event = NewEvent(
                type: "Noted", data: ["n": .int(Int64(version))], occurredAt: Timestamp(microseconds: 0))
            _ = try store.append(
                AppendRequest(stream: "s", expected: .exactly(Int64(version - 1)), events: [event]), on: connection)
        }
        let snapshots = SnapshotStore()
        let none = try snapshots.loadWithTail(stream: "s", schemaVersion: 7, on: connection)
        #expect(none.snapshot == nil)
        #expect(none.tail.map(\.version) == [1, 2, 3, 4, 5])
        #expect(try none.tail.map { try $0.data()["n"] } == [1, 2, 3, 4, 5])

        try snapshots.save(stream: "s", schemaVersion: 7, version: 3, state: ["at": 3], on: connection)
        let three = try snapshots.loadWithTail(stream: "s", schemaVersion: 7, on: connection)
        #expect(three.snapshot?.version == 3)
        #expect(three.snapshot?.state == ["at": 3])
        #expect(three.tail.map(\.version) == [4, 5])
        #expect(three.tail == (try store.read(stream: "s", afterVersion: 3, on: connection)))

        try snapshots.save(stream: "s", schemaVersion: 7, version: 5, state: ["at": 5], on: connection)
        let head = try snapshots.loadWithTail(stream: "s", schemaVersion: 7, on: connection)
        #expect(head.snapshot?.version == 5)
        #expect(head.tail.isEmpty)

        let unknown = try snapshots.loadWithTail(stream: "nobody", schemaVersion: 7, on: connection)
        #expect(unknown.snapshot == nil && unknown.tail.isEmpty)
    }
}
