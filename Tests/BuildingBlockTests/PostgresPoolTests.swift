import Postgres
import TestSupport
import Testing

@Suite("A pool of connections when the server restarts")
struct PostgresPoolTests {
    /// Ends every backend of the pool's connections, as a server restart does.
    static func killBackends(of pids: [Int32]) throws {
        let admin = try PostgresConnection(conninfo: TestDatabase.conninfo)
        for pid in pids {
            try admin.query("SELECT pg_terminate_backend($1::int)", [String(pid)])
        }
    }

    /// Three idle connections, all of them then killed.
    static func poolOfDeadConnections() throws -> PostgresPool {
        let pool = PostgresPool(conninfo: TestDatabase.conninfo, size: 3)
        let pids = try (0..<3).map { _ in try pool.withConnection { $0.backendPID } }
        let held = try pool.withConnection { first in
            try pool.withConnection { second in try pool.withConnection { third in [first, second, third] } }
        }
        try Self.killBackends(of: held.map(\.backendPID) + pids)
        return pool
    }

    @Test func readsOnAStaleConnectionAreDoneAgainOnAFreshOne() throws {
        let pool = try Self.poolOfDeadConnections()

        let answer = try pool.withReadConnection { try $0.query("SELECT 42")[0].int64(0) }

        #expect(answer == 42)
    }

    @Test func oneLostConnectionDropsEveryIdleOneSoOnlyOneRequestFails() throws {
        let pool = try Self.poolOfDeadConnections()

        let first = Result { try pool.withConnection { try $0.query("SELECT 1") } }
        let next = try (0..<3).map { _ in try pool.withConnection { try $0.query("SELECT 2")[0].int64(0) } }

        #expect((try? first.get()) == nil)
        #expect(next == [2, 2, 2])
    }
}
