import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Pipelines")
struct PipelineTests {
    @Test func aStatementPlannedForEachCallIsAnsweredAndNeverPrepared() throws {
        let connection = try TestDatabase(prefix: "pipeline").connect()
        let sql = "SELECT $1::text || '-unprepared', $2::int + 1"
        let results = try connection.pipeline([
            .init(sql, ["first", "41"], plannedEachCall: true),
            .init("SELECT $1::text || '-prepared'", ["second"]),
            .init(sql, ["third", "1"], plannedEachCall: true),
        ])

        #expect(try results.map { try $0[0].string(0) } == ["first-unprepared", "second-prepared", "third-unprepared"])
        #expect(try results[0][0].string(1) == "42")
        let prepared = try connection.query("SELECT statement FROM pg_prepared_statements").map { try $0.string(0) }
        #expect(prepared.contains { $0.contains("-prepared") })
        #expect(!prepared.contains { $0.contains("-unprepared") })
    }

    @Test func aPipelinedTransactionAnswersItsStatementsAndRollsBackOnAFailure() throws {
        let connection = try TestDatabase(prefix: "pipeline").connect()
        try connection.execute("CREATE TABLE pipelined (id int PRIMARY KEY)")

        let results = try connection.pipelinedTransaction([
            .init("INSERT INTO pipelined VALUES (1), (2)"), .init("SELECT count(*) FROM pipelined"),
        ])
        #expect(results.count == 2)
        #expect(try results[1][0].int64(0) == 2)

        #expect(throws: PostgresError.self) {
            try connection.pipelinedTransaction([
                .init("INSERT INTO pipelined VALUES (3)"), .init("INSERT INTO pipelined VALUES (1)"),
            ])
        }
        // Rolled back whole, and the connection is outside any transaction again.
        #expect(try connection.query("SELECT array_agg(id ORDER BY id)::text FROM pipelined")[0].string(0) == "{1,2}")
        // SAVEPOINT is refused outside a transaction block.
        #expect(throws: PostgresError.self) { try connection.execute("SAVEPOINT inside") }
    }

    /// What Ctrl-C does to a long statement of `audit as-of` or a rebuild: another thread cancels
    /// it, it fails with 57014 at once, and the connection carries on.
    @Test func aStatementIsCancelledFromAnotherThreadAndTheConnectionCarriesOn() throws {
        let connection = try TestDatabase(prefix: "pipeline").connect()
        let canceller = connection.canceller()

        let cancelling = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            canceller.cancelRunningStatement()
        }
        cancelling.start()
        #expect {
            try connection.query("SELECT pg_sleep(20)")
        } throws: { ($0 as? PostgresError)?.sqlState == PostgresError.State.queryCanceled }

        #expect(try connection.query("SELECT 41 + 1")[0].string(0) == "42")
    }
}
