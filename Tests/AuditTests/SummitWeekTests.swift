import Audit
import BorderAPI
import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import Postgres
import Snapshots
import TestSupport
import Testing

/// Done means for the auditors' issue: a generated summit week is replayed into the log, a
/// signed checkpoint is taken, the log is tampered with, and verification fails at the position
/// that was touched.
@Suite("A summit week, checkpointed and tampered with")
struct SummitWeekTests {
    /// Appends every command of the week as `border serve` would: load the stream, decide, append.
    static func replay(_ week: SummitWeek, on connection: PostgresConnection) throws -> (appended: Int, refused: Int) {
        let store = EventStore()
        let loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: 0)
        var appended = 0
        var refused = 0
        for step in week.steps {
            let stream = StreamName.traveller(issuingState: step.issuingState, documentNumber: step.documentNumber)
            let (traveller, version) = try loader.load(stream: stream, on: connection)
            guard let events = try? traveller.decide(step.command) else {
                refused += 1
                continue
            }
            _ = try store.append(
                AppendRequest(
                    stream: stream, expected: version == 0 ? .noStream : .exactly(version),
                    events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }),
                on: connection)
            appended += events.count
        }
        return (appended, refused)
    }

    @Test func tamperingAfterTheCheckpointIsFoundAtItsPosition() throws {
        let database = try TestDatabase(prefix: "week")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        try Migrator().migrate(try AggregateLoader<Void>.migrations(), on: connection)
        let week = SummitWeek(firstDay: CivilDay(year: 2024, month: 10, day: 21))

        let (appended, refused) = try Self.replay(week, on: connection)
        let key = try SigningKey.generate()
        let head = try ChainVerifier().verify(on: connection)
        let checkpoint = try Checkpoint.sign(position: head.last, hash: head.lastHash, with: key)

        #expect(refused == 0)
        #expect(head.verified == Int64(appended) && appended > 400)
        #expect(head.broken == nil)
        let types = try connection.query("SELECT DISTINCT type FROM events ORDER BY type").map { try $0.string(0) }
        #expect(
            types == [
                "ArrivalRecorded", "CrossingCorrected", "CrossingVoided", "DelegateAccredited", "DepartureRecorded",
                "OverstayFlagged", "PermitGranted",
            ])
        let tampered = head.last / 2
        try connection.execute("SET session_replication_role = replica")
        try connection.execute(
            "UPDATE events SET data = json_build_object('port', 'FGI') WHERE position = \(tampered)")

        #expect(try ChainVerifier().verify(on: connection).broken == .hashMismatch(position: tampered))
        let against = try ChainVerifier().verify(against: (checkpoint.position, checkpoint.hash), on: connection)
        #expect(against.broken?.position == tampered)
        #expect(checkpoint.isSigned(by: key))
    }
}
