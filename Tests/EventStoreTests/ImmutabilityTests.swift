import EventStore
import Postgres
import TestSupport
import Testing

@Suite("The log is append-only")
struct ImmutabilityTests {
    static let changes = [
        "UPDATE events SET type = 'Other'",
        "DELETE FROM events",
        "TRUNCATE events",
        "UPDATE commands SET stream = 'x'",
        "DELETE FROM commands",
        "DELETE FROM log_head",
    ]

    @Test(arguments: changes)
    func changeFailsForApplicationRole(_ sql: String) throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("s", expecting: .any, key: "k", on: connection)

        let error = #expect(throws: PostgresError.self) { try connection.execute(sql) }

        #expect(error?.sqlState == PostgresError.State.insufficientPrivilege)
        #expect(try fixture.store.read(after: 0, limit: 10, on: connection).count == 1)
    }

    @Test(arguments: changes)
    func changeFailsEvenForSchemaOwner(_ sql: String) throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connect()
        _ = try fixture.append("s", expecting: .any, key: "k", on: connection)

        let error = #expect(throws: PostgresError.self) { try connection.execute(sql) }

        #expect(error?.sqlState == PostgresError.State.appendOnlyViolation)
        #expect(try fixture.store.read(after: 0, limit: 10, on: connection).count == 1)
    }

    @Test func applicationRoleCannotAlterSchema() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()

        let error = #expect(throws: PostgresError.self) {
            try connection.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        }

        #expect(error?.sqlState == PostgresError.State.insufficientPrivilege)
    }
}
