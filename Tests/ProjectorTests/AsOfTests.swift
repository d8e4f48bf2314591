import BorderDomain
import BorderTime
import EventStore
import Foundation
import JSON
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Read models as of a moment")
struct AsOfTests {
    static let document = DocumentFacts(
        format: "td3", documentCode: "P", issuingState: "NZL", documentNumber: "LA0000042", nationality: "NZL",
        primaryIdentifier: "LATE", secondaryIdentifiers: ["RECORD"], dateOfBirth: "1985-05-05", sex: "female",
        dateOfExpiry: "2031-01-01")

    static func record(
        _ direction: Crossing.Direction, occurred: String, version: Int64, on connection: PostgresConnection
    )
        throws
    {
        let crossing = Crossing(
            direction: direction, document: document, port: "FGI", occurredAt: Timestamp(rfc3339: occurred)!)
        let event = direction == .arrival ? TravellerEvent.arrivalRecorded(crossing) : .departureRecorded(crossing)
        _ = try EventStore().append(
            AppendRequest(
                stream: "traveller-late", expected: version == 0 ? .noStream : .exactly(version),
                events: [NewEvent(type: event.type, data: event.data, occurredAt: event.occurredAt)]),
            on: connection)
    }

    static func inCountry(
        asOf last: Int64, admits: (@Sendable (RecordedEvent) -> Bool)? = nil, on connection: PostgresConnection
    )
        throws -> Bool?
    {
        let scratch = try ScratchBuild.build(OfficerLookup(), upTo: last, admits: admits, on: connection)
        defer { try? scratch.drop(on: connection) }
        let found = try (scratch.projection as! OfficerLookup).travellers(
            documentNumber: "LA0000042", nationality: "NZL", on: connection)
        return found.first?["inCountry"]?.boolValue
    }

    /// An offline port records a departure of 22 October only on 24 October (recorded after
    /// the moment `knewThen`).
    @Test func crossingRecordedTwoDaysLateAnswersByRecordedAndByOccurredTime() throws {
        let database = try TestDatabase(prefix: "asof")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        try Self.record(.arrival, occurred: "2024-10-20T15:30:00Z", version: 0, on: connection)
        let knewThen = Timestamp(
            microseconds: try connection.query(
                "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint")[0].int64(0))
        try Self.record(.departure, occurred: "2024-10-22T09:00:00Z", version: 1, on: connection)
        let head = try EventStore().head(on: connection).position

        let recordedThen = try EventStore().lastPosition(recordedBy: knewThen, on: connection)
        #expect(recordedThen == 1)
        #expect(try Self.inCountry(asOf: recordedThen, on: connection) == true, "the system did not know yet")
        let oct21 = Timestamp(rfc3339: "2024-10-21T12:00:00Z")!
        #expect(try Self.inCountry(asOf: head, admits: { $0.occurredAt <= oct21 }, on: connection) == true)
        let oct23 = Timestamp(rfc3339: "2024-10-23T12:00:00Z")!
        #expect(try Self.inCountry(asOf: head, admits: { $0.occurredAt <= oct23 }, on: connection) == false)
        #expect(try Self.inCountry(asOf: head, on: connection) == false)
    }
}

@Suite("Rebuilding beside the live read model")
struct RebuildTests {
    @Test func rebuildSwitchesAtomicallyAndTheLiveProjectorCarriesOn() throws {
        let (database, connection, projection) = try ProjectorFollowingTests.setUp()
        try ProjectorFollowingTests.append(120, stream: "a", on: connection)
        let live = Projector(projection: projection, configuration: .init(batchSize: 7, pollIntervalMilliseconds: 20))
        Thread { live.run(conninfo: database.conninfo, options: database.options) { _ in } }.start()
        defer { live.stop() }
        let builder = try database.connect()

        let scratch = try ScratchBuild.build(projection, upTo: 120, on: builder)
        let switched = try scratch.replace(projection, on: connection, building: builder)
        let switchedAt = switched.position
        #expect(!switched.retiredLeft)
        try ProjectorFollowingTests.append(30, stream: "b", on: connection)

        #expect(switchedAt >= 1 && switchedAt <= 120)
        #expect(
            try waitUntil(seconds: 20) {
                try ProjectorFollowingTests.appliedOnce(projection, upTo: 150, on: connection)
            })
        let leftovers = try connection.query(
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE $1", ["\(projection.schema)_retired_%"])
        #expect(try leftovers[0].int64(0) == 0)
        #expect(
            try connection.query("SELECT count(*) FROM pg_namespace WHERE nspname = $1", [scratch.projection.schema])[0]
                .int64(0) == 0)
    }
}
