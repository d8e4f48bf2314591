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
        for connection in [try fixture.database.connectAsApplication(), try fixture.database.connect()] {
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("UPDATE log_head SET position = position + 10")
            }
            #expect(error?.sqlState == PostgresError.State.appendOnlyViolation)
        }
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
