import Postgres
import TestSupport
import Testing

@testable import Projections

/// The indexes a build makes again at its end, two at a time on two connections.
@Suite("Indexes made again at the end of a build")
struct DeferredIndexesTests {
    static func table() throws -> (TestDatabase, PostgresConnection) {
        let database = try TestDatabase(prefix: "deferred")
        let connection = try database.connect()
        try connection.execute(
            """
            CREATE TABLE \(database.schema).t (a int, b int, name text);
            INSERT INTO \(database.schema).t SELECT n, n % 7, 'name ' || n FROM generate_series(1, 2000) AS n
            """)
        return (database, connection)
    }

    static func indexes(_ database: TestDatabase, on connection: PostgresConnection) throws -> [String] {
        try connection.query(
            "SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY 1", [database.schema]
        ).map { try $0.string(0) }
    }

    @Test func everyIndexIsMade() throws {
        let (database, connection) = try Self.table()
        let schema = database.schema
        try DeferredIndexes(definitions: [
            "CREATE INDEX t_a ON \(schema).t (a)", "CREATE INDEX t_b ON \(schema).t (b)",
            "CREATE INDEX t_name ON \(schema).t USING gin (to_tsvector('simple', name))",
            "CREATE INDEX t_ab ON \(schema).t (a, b)",
        ]).create(on: connection)
        #expect(try Self.indexes(database, on: connection) == ["t_a", "t_ab", "t_b", "t_name"])
    }

    /// An index that cannot be made fails the whole: its error reaches the build, and the
    /// other connection makes no more than the index it is at when the failure comes.
    @Test func anIndexThatCannotBeMadeFailsTheBuild() throws {
        let (database, connection) = try Self.table()
        let schema = database.schema
        let more = (1...19).map { "CREATE INDEX t_\($0) ON \(schema).t (a, b)" }
        let failure = #expect(throws: PostgresError.self) {
            try DeferredIndexes(definitions: ["CREATE UNIQUE INDEX t_b ON \(schema).t (b)"] + more)
                .create(on: connection)
        }
        #expect(failure?.sqlState == PostgresError.State.uniqueViolation)
        #expect(try Self.indexes(database, on: connection).count < 19)
        #expect(try connection.query("SELECT 1")[0].int64(0) == 1)
    }
}
