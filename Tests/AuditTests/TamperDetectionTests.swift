import Audit
import BorderTime
import EventStore
import JSON
import Postgres
import TestSupport
import Testing

@Suite("The hash chain reveals tampering")
struct TamperDetectionTests {
    /// A log of `count` events over a few streams, and a superuser connection that can bypass
    /// the append-only triggers (session_replication_role = replica), as an attacker with
    /// database superuser rights could.
    static func tamperableLog(count: Int = 40) throws -> PostgresConnection {
        let database = try TestDatabase(prefix: "audit")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        let store = EventStore()
        for number in 0..<count {
            let event = NewEvent(
                type: "ArrivalRecorded", data: ["n": .int(Int64(number))], metadata: ["officer": "o1"],
                occurredAt: Timestamp(microseconds: 1_729_438_200_000_000 + Int64(number) * 1_000_000))
            _ = try store.append(
                AppendRequest(stream: "s\(number % 5)", expected: .any, events: [event]), on: connection)
        }
        try connection.execute("SET session_replication_role = replica")
        return connection
    }

    @Test func untouchedLogVerifies() throws {
        let connection = try Self.tamperableLog()

        let report = try ChainVerifier().verify(on: connection)

        #expect(report.broken == nil)
        #expect(report.verified == 40)
        #expect(report.lastHash == (try EventStore().head(on: connection).hash))
    }

    @Test func alteredPayloadIsDetectedAtItsPosition() throws {
        let connection = try Self.tamperableLog()

        try connection.execute(#"UPDATE events SET data = '{"n":999}' WHERE position = 17"#)

        #expect(try ChainVerifier().verify(on: connection).broken == .hashMismatch(position: 17))
    }

    @Test func alteredTimestampIsDetected() throws {
        let connection = try Self.tamperableLog()

        try connection.execute("UPDATE events SET occurred_at = occurred_at - INTERVAL '2 days' WHERE position = 9")

        #expect(try ChainVerifier().verify(on: connection).broken == .hashMismatch(position: 9))
    }

    @Test func deletedEventIsDetectedAtItsPosition() throws {
        let connection = try Self.tamperableLog()

        try connection.execute("DELETE FROM events WHERE position = 23")

        #expect(try ChainVerifier().verify(on: connection).broken == .missing(position: 23))
    }

    @Test func swappedEventsAreDetectedAtTheFirst() throws {
        let connection = try Self.tamperableLog()

        try connection.execute(
            """
            UPDATE events SET position = 1000000 WHERE position = 12;
            UPDATE events SET position = 12 WHERE position = 30;
            UPDATE events SET position = 30 WHERE position = 1000000;
            """)

        #expect(try ChainVerifier().verify(on: connection).broken == .hashMismatch(position: 12))
    }

    @Test func insertedEventIsDetectedAtItsPosition() throws {
        let connection = try Self.tamperableLog()

        try connection.execute(
            """
            UPDATE events SET position = position + 1000 WHERE position > 5;
            UPDATE events SET position = position - 999 WHERE position > 1000;
            INSERT INTO events (position, stream, version, type, schema_version, data, metadata, occurred_at,
                recorded_at, hash)
            SELECT 6, stream, 99, type, schema_version, data, metadata, occurred_at, recorded_at, hash
            FROM events WHERE position = 5;
            UPDATE log_head SET position = position + 1;
            """)

        #expect(try ChainVerifier().verify(on: connection).broken == .hashMismatch(position: 6))
    }

    @Test func eventsRemovedFromTheEndAreDetectedByTheHead() throws {
        let connection = try Self.tamperableLog()

        try connection.execute("DELETE FROM events WHERE position > 35")

        #expect(try ChainVerifier().verify(on: connection).broken == .headMismatch(headPosition: 40, lastPosition: 35))
    }

    /// Review of issue 6: an event inserted past the head (the head left alone) was not read by
    /// `verify`, which stopped at the head and answered OK, while projectors would apply it.
    @Test func eventInsertedPastTheHeadIsDetected() throws {
        let connection = try Self.tamperableLog()

        try connection.execute(
            """
            INSERT INTO events (position, stream, version, type, schema_version, data, metadata, occurred_at,
                recorded_at, hash)
            SELECT 41, 'forged', 1, type, schema_version, data, metadata, occurred_at, recorded_at, hash
            FROM events WHERE position = 40;
            """)

        let broken = try ChainVerifier().verify(on: connection).broken
        #expect(broken == .headMismatch(headPosition: 40, lastPosition: 41))
        #expect(broken?.position == 41)
    }

    @Test func verificationStartingPastTheHeadIsRefusedClearly() throws {
        let connection = try Self.tamperableLog()

        let error = #expect(throws: AuditError.self) { try ChainVerifier().verify(from: 2000, on: connection) }

        #expect(error?.description == "--from 2000 is past the head of the log (40)")
    }

    @Test func rangeVerificationStartsFromTheStoredHashBefore() throws {
        let connection = try Self.tamperableLog()
        try connection.execute(#"UPDATE events SET data = '{"n":999}' WHERE position = 3"#)

        let report = try ChainVerifier().verify(from: 10, to: 20, on: connection)

        #expect(report.broken == nil)
        #expect(report.first == 10)
        #expect(report.last == 20)
        #expect(report.verified == 11)
    }
}
