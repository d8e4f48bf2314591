import BorderTime
import EventStore
import Foundation
import Locking
import Postgres
import TestSupport
import Testing

@Suite("A connection lost during COMMIT")
struct CommitLossTests {
    /// Makes every COMMIT that appended an event pause, so the test can cut the connection then.
    static func slowCommits(on owner: PostgresConnection) throws {
        try owner.execute(
            """
            CREATE FUNCTION pause_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(1.5); RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER pause_at_commit AFTER INSERT ON events
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pause_at_commit();
            """)
    }

    @Test func outcomeIsUnknownThenRetryWithSameKeyAppendsExactlyOnce() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.database.connect()
        try Self.slowCommits(on: owner)
        let writer = try PostgresConnection(
            conninfo: fixture.database.conninfo,
            options: fixture.database.options.merging(["application_name": "commit-loss-writer"]) { $1 })
        let outcome = Locked<Result<AppendResult, EventStoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let command = CommandKey(id: "key-commit", requestHash: SHA256.hash(Array("body".utf8)))
            let request = AppendRequest(
                stream: "traveller-x", expected: .noStream, events: [fixture.event()], command: command)
            let result = Result { () throws(EventStoreError) in try fixture.store.append(request, on: writer) }
            outcome.withLock { $0 = result }
            done.signal()
        }.start()
        let inCommit = try waitUntil(seconds: 10) {
            try !owner.query(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = 'commit-loss-writer' AND query = 'COMMIT'"
            ).isEmpty
        }
        try owner.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'commit-loss-writer'")
        done.wait()

        #expect(inCommit)
        guard case .failure(let error)? = outcome.withLock({ $0 }) else {
            Issue.record("the append reported success although its connection died in COMMIT")
            return
        }
        #expect(error.code == .outcomeUnknown)
        try owner.execute("DROP TRIGGER pause_at_commit ON events")
        let retry = try fixture.append(
            "traveller-x", expecting: .noStream, key: "key-commit", on: try fixture.database.connect())
        let again = try fixture.append(
            "traveller-x", expecting: .noStream, key: "key-commit", on: try fixture.database.connect())
        #expect(retry.lastPosition == 1)
        #expect(again.replayed)
        #expect(try fixture.store.read(stream: "traveller-x", on: owner).count == 1)
    }
}
