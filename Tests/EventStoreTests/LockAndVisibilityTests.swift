import BorderTime
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("The append lock and what readers see")
struct LockAndVisibilityTests {
    @Test func appendThatFailedAtCommitAndRolledBackLeavesNoHole() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.database.connect()
        _ = try fixture.append("a", expecting: .noStream, on: owner)
        try owner.execute(
            """
            CREATE FUNCTION refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.stream = 'doomed' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER refuse_doomed AFTER INSERT ON events
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_doomed();
            """)
        let connection = try fixture.database.connectAsApplication()

        #expect(throws: EventStoreError.self) { try fixture.append("doomed", expecting: .noStream, on: connection) }
        let next = try fixture.append("b", expecting: .noStream, on: connection)

        #expect(next.firstPosition == 2)
        #expect(try fixture.store.head(on: connection).position == 2)
    }

    @Test func stuckAppendTimesOutWithClearErrorAndOthersProceedAfter() throws {
        let fixture = try StoreFixture()
        let store = EventStore(lockTimeoutMilliseconds: 300)
        let holder = try fixture.database.connect()
        let writer = try fixture.database.connectAsApplication()
        try holder.execute("BEGIN")
        try holder.query("SELECT position FROM log_head FOR UPDATE")

        let started = Date()
        let error = #expect(throws: EventStoreError.self) {
            try store.append(AppendRequest(stream: "s", expected: .any, events: [fixture.event()]), on: writer)
        }
        let waited = Date().timeIntervalSince(started)
        try holder.execute("ROLLBACK")

        #expect(error?.code == .lockTimeout)
        #expect(error?.message == "append to s: the append lock was not free in time")
        #expect(waited < 5)
        #expect(
            try store.append(AppendRequest(stream: "s", expected: .any, events: [fixture.event()]), on: writer)
                .lastPosition == 1)
    }

    @Test func longIdleTransactionDoesNotStallWritersOrReaders() throws {
        let fixture = try StoreFixture()
        let idle = try fixture.database.connectAsApplication()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("a", expecting: .noStream, on: connection)
        try idle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try idle.query("SELECT count(*) FROM events")

        for number in 1...20 {
            _ = try fixture.append("b\(number)", expecting: .noStream, on: connection)
        }
        let seen = try fixture.store.read(after: 0, limit: 100, on: connection)
        try idle.execute("ROLLBACK")

        #expect(seen.map(\.position) == Array(1...21))
    }
}

@Suite("The connection pool")
struct PoolTests {
    @Test func exhaustedPoolGivesUpAfterItsWaitInsteadOfBlockingForEver() throws {
        let database = try TestDatabase(prefix: "pool")
        let pool = PostgresPool(conninfo: database.conninfo, options: database.options, size: 1, waitSeconds: 0.2)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? pool.withConnection { _ in
                holding.signal()
                release.wait()
            }
        }.start()
        holding.wait()

        let error = #expect(throws: PostgresError.self) { try pool.withConnection { _ in } }
        release.signal()

        #expect(error?.code == .connection)
        #expect(waitUntil(seconds: 5) { (try? pool.withConnection { _ in true }) == true })
    }
}
