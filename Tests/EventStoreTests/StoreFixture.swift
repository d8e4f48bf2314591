import BorderTime
import EventStore
import JSON
import Postgres
import TestSupport

/// A migrated event store in a schema of its own.
struct StoreFixture {
    let database: TestDatabase
    let store = EventStore(lockTimeoutMilliseconds: 2000)

    init() throws {
        database = try TestDatabase(prefix: "store")
        try Migrator().migrate(try Migration.eventStore(), on: try database.connect())
    }

    func event(_ type: String = "ThingHappened", _ number: Int = 0) -> NewEvent {
        NewEvent(
            type: type, data: ["n": .int(Int64(number))], metadata: ["officer": "test"],
            occurredAt: Timestamp(microseconds: 1_729_438_200_000_000 + Int64(number)))
    }

    func append(
        _ stream: String, expecting expected: ExpectedVersion, count: Int = 1, key: String? = nil,
        on connection: PostgresConnection
    ) throws -> AppendResult {
        let command = key.map { CommandKey(id: $0, requestHash: SHA256.hash(Array("body".utf8))) }
        let request = AppendRequest(
            stream: stream, expected: expected, events: (0..<count).map { event("ThingHappened", $0) },
            command: command)
        return try store.append(request, on: connection)
    }
}
