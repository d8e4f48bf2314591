import EventStore
import Postgres
import Projections
import TestSupport
import Testing

/// A build from the log drops the indexes only readers use and makes them at the end.
@Suite("Indexes of a build from the log")
struct ScratchBuildIndexTests {
    @Test func aBuildEndsWithEveryIndexOfTheLiveReadModel() throws {
        let (lookup, connection) = try NameSearchTests.lookup()
        let scratch = try ScratchBuild.build(lookup, upTo: 10, on: connection)
        defer { try? scratch.drop(on: connection) }

        let live = try Self.indexes(of: lookup.schema, on: connection)
        #expect(try Self.indexes(of: scratch.projection.schema, on: connection) == live)
        #expect(Set(lookup.indexesForReaders).isSubset(of: Set(live.map { $0[0] })))
        let found = try scratch.projection.checksums(on: connection)
        #expect(found == (try lookup.checksums(on: connection)))
        let search = try (scratch.projection as! OfficerLookup).search(
            name: "MERE AROHA TE WHATU", nationality: nil, dateOfBirth: nil, on: connection)
        #expect(NameSearchTests.names(search) == ["TE WHATU"])
    }

    /// A build's pages do not wait for the disk; the caller's setting is back once it is done.
    @Test func aBuildCommitsWithoutWaitingAndLeavesTheSessionAsItWas() throws {
        let (lookup, connection) = try NameSearchTests.lookup()
        try connection.execute("SET synchronous_commit = remote_write")
        var during = [String]()
        let scratch = try ScratchBuild.build(lookup, upTo: 10, on: connection) { _ in
            during.append(try connection.query("SHOW synchronous_commit")[0].string(0))
        }
        defer { try? scratch.drop(on: connection) }
        #expect(!during.isEmpty && during.allSatisfy { $0 == "off" })
        #expect(try connection.query("SHOW synchronous_commit")[0].string(0) == "remote_write")
    }

    /// Each index's name and definition, with the schema's name taken out.
    static func indexes(of schema: String, on connection: PostgresConnection) throws -> [[String]] {
        try connection.query(
            "SELECT indexname, replace(indexdef, $1 || '.', '') FROM pg_indexes WHERE schemaname = $1 ORDER BY 1",
            [schema]
        ).map { [try $0.string(0), try $0.string(1)] }
    }
}

/// Newcomer review of issue 5: an interrupted or killed build left its scratch schema behind.
@Suite("Scratch builds leave nothing behind")
struct ScratchBuildCleanupTests {
    struct Stop: Error {}

    @Test func aBuildStoppedByItsProgressDropsWhatItBuilt() throws {
        let (lookup, connection) = try NameSearchTests.lookup()
        let pid = try connection.query("SELECT pg_backend_pid()")[0].int64(0)
        var built: Int64?

        #expect(throws: Stop.self) {
            _ = try ScratchBuild.build(lookup, upTo: 10, on: connection) { position in
                built = try Self.builds(by: pid, on: connection)
                throw Stop()
            }
        }

        #expect(built == 1, "the build was under way, marked as this session's")
        #expect(try Self.builds(by: pid, on: connection) == 0)
    }

    /// Second newcomer review: a build killed during its migrations left a schema without the
    /// mark, which no build dropped. The schema is now made and marked before any migration; a
    /// migration that fails leaves nothing.
    @Test func aBuildWhoseMigrationFailsLeavesNothing() throws {
        let (_, connection) = try NameSearchTests.lookup()
        let pid = try connection.query("SELECT pg_backend_pid()")[0].int64(0)

        #expect(throws: PostgresError.self) {
            _ = try ScratchBuild.build(BrokenMigration(), upTo: 10, on: connection)
        }

        #expect(try Self.builds(by: pid, on: connection) == 0)
    }

    /// Second newcomer review: a build interrupted during its final statements (a statement
    /// string that begins and commits a transaction) left the session inside a failed
    /// transaction, so the drop that followed failed and the scratch schema stayed.
    @Test func aBuildThatFailsInsideATransactionLeavesNothingAndTheSessionUsable() throws {
        let (_, connection, projection) = try ProjectorFollowingTests.setUp()
        try ProjectorFollowingTests.append(5, stream: "s", on: connection)
        let pid = try connection.query("SELECT pg_backend_pid()")[0].int64(0)
        try connection.execute("SET synchronous_commit = remote_write")

        #expect(throws: PostgresError.self) {
            _ = try ScratchBuild.build(FailsAtTheEnd(inner: projection), upTo: 5, on: connection)
        }

        #expect(try Self.builds(by: pid, on: connection) == 0)
        #expect(try connection.query("SHOW synchronous_commit")[0].string(0) == "remote_write")
    }

    /// A read model whose final statements fail inside a transaction they began.
    struct FailsAtTheEnd: Projection {
        let inner: CountingProjection
        var name: String { inner.name }
        var schema: String { inner.schema }
        var checksumTables: [(name: String, order: String)] { inner.checksumTables }
        func migrations() throws -> [Migration] { try inner.migrations() }
        func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {
            try inner.apply(event, on: connection)
        }
        func inSchema(_ schema: String) -> any Projection { FailsAtTheEnd(inner: CountingProjection(schema: schema)) }
        func finishBuilding(on connection: PostgresConnection) throws {
            try connection.execute("BEGIN; SELECT 1 / 0; COMMIT")
        }
    }

    /// A read model whose second migration fails.
    struct BrokenMigration: Projection {
        var name = "broken"
        var schema = "broken"
        var checksumTables: [(name: String, order: String)] { [] }
        func migrations() throws -> [Migration] {
            [
                Migration(component: "broken", number: 1, name: "0001_t", sql: "CREATE TABLE \(schema).t (x int)"),
                Migration(component: "broken", number: 2, name: "0002_fails", sql: "SELECT 1 / 0"),
            ]
        }
        func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {}
        func inSchema(_ schema: String) -> any Projection { BrokenMigration(schema: schema) }
    }

    @Test func aBuildWhoseSessionEndedIsDroppedByTheNextAndALiveOneIsNot() throws {
        let (lookup, connection) = try NameSearchTests.lookup()
        let options = ["options": "-c search_path=\(try connection.query("SELECT current_schema()")[0].string(0))"]
        let other = try PostgresConnection(conninfo: TestDatabase.conninfo, options: options)
        let killed = try PostgresConnection(conninfo: TestDatabase.conninfo, options: options)
        let live = try ScratchBuild.build(lookup, upTo: 10, on: other)
        defer { try? live.drop(on: other) }
        let abandoned = try ScratchBuild.build(lookup, upTo: 10, on: killed)
        let pid = try killed.query("SELECT pg_backend_pid()")[0].int64(0)
        _ = try connection.query("SELECT pg_terminate_backend($1::int)", [String(pid)])
        killed.close()
        #expect(try waitUntil(seconds: 10) { try !Self.activePIDs(on: connection).contains(pid) })

        try ScratchBuild.dropAbandoned(on: connection)

        let left = try Self.scratchSchemas(on: connection)
        #expect(!left.contains(abandoned.projection.schema))
        #expect(left.contains(live.projection.schema))
    }

    /// Scratch schemas marked as built by backend `pid`.
    static func builds(by pid: Int64, on connection: PostgresConnection) throws -> Int64 {
        try connection.query(
            """
            SELECT count(*) FROM pg_namespace
            WHERE obj_description(oid, 'pg_namespace') = 'scratch build by backend ' || $1
            """, [String(pid)]
        )[0].int64(0)
    }

    static func scratchSchemas(on connection: PostgresConnection) throws -> Set<String> {
        Set(
            try connection.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'scratch%'").map {
                try $0.string(0)
            })
    }

    static func activePIDs(on connection: PostgresConnection) throws -> [Int64] {
        try connection.query("SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL").map { try $0.int64(0) }
    }
}
