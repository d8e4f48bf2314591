import BorderTime
import EventStore
import Foundation
import Locking
import Postgres
import Projections
import TestSupport
import Testing

/// A read model that records, per position, how many times it was applied.
struct CountingProjection: Projection {
    let name = "counting"
    let schema: String

    func migrations() throws -> [Migration] {
        [
            Migration(
                component: "read_model.\(schema)", number: 1, name: "0001_counting",
                sql: """
                    CREATE SCHEMA IF NOT EXISTS \(schema);
                    CREATE TABLE \(schema).checkpoint (singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
                        position BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
                    INSERT INTO \(schema).checkpoint (position) VALUES (0);
                    CREATE TABLE \(schema).applied (position BIGINT PRIMARY KEY, times INTEGER NOT NULL);
                    CREATE TABLE \(schema).lease (singleton BOOLEAN PRIMARY KEY DEFAULT TRUE, holder TEXT,
                        expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity');
                    INSERT INTO \(schema).lease DEFAULT VALUES;
                    """)
        ]
    }

    var checksumTables: [(name: String, order: String)] { [("applied", "position")] }

    func inSchema(_ schema: String) -> any Projection { CountingProjection(schema: schema) }

    func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO \(schema).applied (position, times) VALUES ($1, 1)
            ON CONFLICT (position) DO UPDATE SET times = applied.times + 1
            """, [String(event.position)])
    }
}

@Suite("A projector following the log")
struct ProjectorFollowingTests {
    static func setUp() throws -> (TestDatabase, PostgresConnection, CountingProjection) {
        let database = try TestDatabase(prefix: "proj")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        let projection = CountingProjection(schema: "\(database.schema)_counting")
        try Migrator().migrate(try projection.migrations(), on: connection)
        return (database, connection, projection)
    }

    static func append(_ count: Int, stream: String, on connection: PostgresConnection) throws {
        for number in 0..<count {
            _ = try EventStore().append(
                AppendRequest(
                    stream: stream, expected: .any,
                    events: [
                        NewEvent(type: "T", data: ["n": .int(Int64(number))], occurredAt: Timestamp(microseconds: 0))
                    ]),
                on: connection)
        }
    }

    static func appliedOnce(_ projection: CountingProjection, upTo head: Int64, on connection: PostgresConnection)
        throws
        -> Bool
    {
        let rows = try connection.query(
            "SELECT count(*), coalesce(max(times), 0), coalesce(max(position), 0) FROM \(projection.schema).applied")
        return try rows[0].int64(0) == head && rows[0].int64(1) == 1 && rows[0].int64(2) == head
    }

    @Test func listenConnectionKilledMidStreamReconnectsAndMissesNothing() throws {
        let (database, connection, projection) = try Self.setUp()
        let projector = Projector(
            projection: projection, configuration: .init(batchSize: 50, pollIntervalMilliseconds: 60_000))
        let logged = Locked<[String]>([])
        let thread = Thread {
            projector.run(conninfo: database.conninfo, options: database.options) { line in
                logged.withLock { $0.append(line) }
            }
        }
        thread.start()
        defer { projector.stop() }
        try Self.append(30, stream: "a", on: connection)
        #expect(try waitUntil(seconds: 20) { try Self.appliedOnce(projection, upTo: 30, on: connection) })

        let killed = try connection.query(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'border-project-counting-listen' AND query ILIKE 'LISTEN%'
            """)
        try Self.append(40, stream: "b", on: connection)

        #expect(killed.count >= 1)
        #expect(try waitUntil(seconds: 20) { try Self.appliedOnce(projection, upTo: 70, on: connection) })
    }

    /// Newcomer review: a projector following live load logged a line per batch (91,000 lines in
    /// ten minutes); it now says what it applied at most once every ten seconds.
    @Test func appliedEventsAreReportedAtMostEveryTenSeconds() throws {
        let (database, connection, projection) = try Self.setUp()
        let projector = Projector(projection: projection, configuration: .init(batchSize: 50))
        let logged = Locked<[String]>([])
        let started = ContinuousClock.now
        Thread {
            projector.run(conninfo: database.conninfo, options: database.options) { line in
                logged.withLock { $0.append(line) }
            }
        }.start()
        defer { projector.stop() }
        // Eight batches at least: each round waits until its events are applied.
        for round in 1...8 {
            try Self.append(2, stream: "r", on: connection)
            #expect(
                try waitUntil(seconds: 20) { try Self.appliedOnce(projection, upTo: Int64(2 * round), on: connection) })
        }
        let seconds = Int((ContinuousClock.now - started) / .seconds(1))
        let applied = logged.withLock { $0 }.filter { $0.hasPrefix("applied projection=counting events=") }
        #expect(!applied.isEmpty)
        #expect(applied.count <= 1 + seconds / 10, "\(applied) in \(seconds) s")
    }

    @Test func lostDatabaseIsReportedOnceNotPerRetry() throws {
        let projector = Projector(projection: CountingProjection(schema: "nowhere"))
        let logged = Locked<[String]>([])
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            projector.run(conninfo: "host=127.0.0.1 port=1 connect_timeout=1") { line in
                logged.withLock { $0.append(line) }
            }
            finished.signal()
        }
        thread.start()

        #expect(waitUntil(seconds: 5) { logged.withLock { !$0.isEmpty } })
        usleep(1_500_000)
        projector.stop()
        finished.wait()

        #expect(logged.withLock { $0.count } == 1)
        #expect(logged.withLock { $0.first?.hasPrefix("projection stalled projection=counting") } == true)
    }
}

@Suite("A projector following concurrent writers")
struct ProjectorUnderConcurrentWritersTests {
    @Test func projectorFollowingLiveSeesEveryEventExactlyOnceInOrder() throws {
        let (database, connection, projection) = try ProjectorFollowingTests.setUp()
        let projector = Projector(
            projection: projection, configuration: .init(batchSize: 37, pollIntervalMilliseconds: 50))
        Thread { projector.run(conninfo: database.conninfo, options: database.options) { _ in } }.start()
        defer { projector.stop() }
        let writer = GroupCommitWriter(conninfo: database.conninfo, options: database.options)
        defer { writer.shutdown() }

        runOnThreads(16) { thread in
            for number in 0..<40 {
                _ = try? writer.append(
                    AppendRequest(
                        stream: "w\(thread)", expected: number == 0 ? .noStream : .exactly(Int64(number)),
                        events: [NewEvent(type: "T", data: [:], occurredAt: Timestamp(microseconds: 0))]))
            }
        }

        #expect(try EventStore().head(on: connection).position == 640)
        #expect(
            try waitUntil(seconds: 30) {
                try ProjectorFollowingTests.appliedOnce(projection, upTo: 640, on: connection)
            })
    }
}

@Suite("A projector facing a gap")
struct ProjectorGapTests {
    /// Regression from the newcomer review: a row forged past the head made the projector jump.
    @Test func gapInTheLogStopsTheProjectorInsteadOfSkipping() throws {
        let (_, connection, projection) = try ProjectorFollowingTests.setUp()
        try ProjectorFollowingTests.append(5, stream: "a", on: connection)
        try connection.execute(
            """
            SET session_replication_role = replica;
            UPDATE events SET position = 100 WHERE position = 5;
            SET session_replication_role = DEFAULT;
            """)
        let projector = Projector(projection: projection)

        let applied = try projector.runBatch(on: connection)
        let error = #expect(throws: ProjectionError.self) { try projector.runBatch(on: connection) }

        #expect(applied == 4)
        #expect(error?.code == .gapInLog)
        #expect(try projector.checkpoint(on: connection) == 4)
    }
}

@Suite("Lag")
struct LagTests {
    @Test func lagCountsUnappliedEventsAndTheAgeOfTheOldest() throws {
        let (_, connection, projection) = try ProjectorFollowingTests.setUp()
        try ProjectorFollowingTests.append(5, stream: "a", on: connection)
        try connection.execute("SELECT pg_sleep(0.05)")

        let behind = try ProjectionLag.measure(projection, on: connection)
        _ = try Projector(projection: projection).runBatch(on: connection)
        let caughtUp = try ProjectionLag.measure(projection, on: connection)

        #expect(behind.events == 5)
        #expect(behind.seconds >= 0.05)
        #expect(caughtUp.events == 0)
        #expect(caughtUp.seconds == 0)
    }
}

@Suite("One live owner per read model")
struct LeaseTests {
    @Test func secondProjectorWaitsAsStandbyAndTakesOverWhenTheOwnerStops() throws {
        let (database, connection, projection) = try ProjectorFollowingTests.setUp()
        let first = Projector(projection: projection, configuration: .init(batchSize: 10, pollIntervalMilliseconds: 50))
        let second = Projector(
            projection: projection, configuration: .init(batchSize: 10, pollIntervalMilliseconds: 50))
        let firstDone = DispatchSemaphore(value: 0)
        Thread {
            first.run(conninfo: database.conninfo, options: database.options) { _ in }
            firstDone.signal()
        }.start()
        #expect(try waitUntil(seconds: 10) { try Self.holder(projection, on: connection) == first.lease.holder })
        Thread { second.run(conninfo: database.conninfo, options: database.options) { _ in } }.start()
        defer { second.stop() }
        try ProjectorFollowingTests.append(60, stream: "a", on: connection)
        #expect(
            try waitUntil(seconds: 20) { try ProjectorFollowingTests.appliedOnce(projection, upTo: 60, on: connection) }
        )
        #expect(try Self.holder(projection, on: connection) == first.lease.holder, "the standby stays a standby")

        first.stop()
        firstDone.wait()
        try ProjectorFollowingTests.append(40, stream: "b", on: connection)

        #expect(try waitUntil(seconds: 10) { try Self.holder(projection, on: connection) == second.lease.holder })
        #expect(
            try waitUntil(seconds: 20) {
                try ProjectorFollowingTests.appliedOnce(projection, upTo: 100, on: connection)
            })
    }

    static func holder(_ projection: CountingProjection, on connection: PostgresConnection) throws -> String? {
        try connection.query("SELECT holder FROM \(projection.schema).lease")[0][0]
    }
}
