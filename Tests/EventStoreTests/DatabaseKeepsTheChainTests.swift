import BorderTime
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Regression tests from the newcomer review of the walking skeleton: SQL run as the
/// application role could insert past the head and move it, and a projector then skipped events.
@Suite("The database keeps the order and the chain itself")
struct DatabaseKeepsTheChainTests {
    static let copyOfFirst = """
        INSERT INTO events (position, stream, version, type, schema_version, data, metadata, occurred_at,
            recorded_at, command_id, hash)
        SELECT %@, stream, version + 1000, type, schema_version, data, metadata, occurred_at, recorded_at,
            command_id, %@
        FROM events WHERE position = 1
        """

    static func insertCopy(position: String, hash: String, on connection: PostgresConnection) throws {
        try connection.execute(
            copyOfFirst.replacingFirst("%@", with: position).replacingFirst("%@", with: hash))
    }

    @Test(arguments: ["position + 100000", "position + 5"])
    func insertPastTheHeadIsRefused(position: String) throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("a", expecting: .noStream, count: 3, on: connection)

        let error = #expect(throws: PostgresError.self) {
            try Self.insertCopy(position: position, hash: "hash", on: connection)
        }

        #expect(error?.sqlState == "BC002")
        #expect(try fixture.store.head(on: connection).position == 3)
    }

    @Test func insertAtTheHeadWithAHashThatDoesNotChainIsRefused() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("a", expecting: .noStream, count: 3, on: connection)

        let error = #expect(throws: PostgresError.self) {
            try Self.insertCopy(position: "4", hash: "hash", on: connection)
        }

        #expect(error?.sqlState == "BC003")
    }

    @Test func headCannotBeMovedByHand() throws {
        let fixture = try StoreFixture()
        let application = try fixture.database.connectAsApplication()
        let owner = try fixture.database.connect()

        let refused = #expect(throws: PostgresError.self) {
            try application.execute("UPDATE log_head SET position = position + 10")
        }
        let refusedEvenTheUnusedColumn = #expect(throws: PostgresError.self) {
            try application.execute("UPDATE log_head SET locked_by = 'me'")
        }
        let refusedForOwner = #expect(throws: PostgresError.self) {
            try owner.execute("UPDATE log_head SET position = position + 10")
        }

        #expect(refused?.sqlState == PostgresError.State.insufficientPrivilege)
        #expect(refusedEvenTheUnusedColumn?.sqlState == PostgresError.State.appendOnlyViolation)
        #expect(refusedForOwner?.sqlState == PostgresError.State.appendOnlyViolation)
    }

    /// From the second review: a temporary table named log_head must not stand in for the real
    /// one inside the store's SECURITY DEFINER trigger; the application role gets no temp tables.
    @Test func applicationRoleCannotShadowTheHeadWithATemporaryTable() throws {
        let fixture = try StoreFixture()
        let application = try fixture.database.connectAsApplication()

        let error = #expect(throws: PostgresError.self) {
            try application.execute("CREATE TEMP TABLE log_head (singleton boolean, position bigint, hash bytea)")
        }

        #expect(error?.sqlState == PostgresError.State.insufficientPrivilege)
        let path = try fixture.database.connect().query(
            """
            SELECT array_to_string(proconfig, ',') FROM pg_proc
            WHERE proname = 'chain_batch_at_head' AND pronamespace = $1::regnamespace
            """,
            [fixture.database.schema])
        #expect(try path[0].string(0) == "search_path=\(fixture.database.schema), pg_temp")
    }

    /// From the second review: ON CONFLICT DO NOTHING skipped the row but had moved the head.
    @Test func skippedConflictingInsertDoesNotMoveTheHead() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.database.connect()
        _ = try fixture.append("a", expecting: .noStream, count: 2, on: owner)

        try owner.execute(
            """
            INSERT INTO events SELECT 3, stream, version, type, schema_version, data, metadata, occurred_at,
                recorded_at, command_id, hash
            FROM events WHERE position = 1 ON CONFLICT DO NOTHING
            """)

        #expect(try fixture.store.head(on: owner).position == 2)
        #expect(try fixture.append("b", expecting: .noStream, on: owner).firstPosition == 3)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
