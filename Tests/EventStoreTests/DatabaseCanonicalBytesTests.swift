import BorderTime
import EventStore
import JSON
import Postgres
import TestSupport
import Testing

/// The database checks every appended hash with its own copy of the canonical layout (migration
/// 0007 builds it inside the check). Both copies must agree with ChainHash byte for byte, also
/// for text that is not ASCII, for command ids and for times before 1970.
@Suite("The database's canonical bytes are ChainHash's")
struct DatabaseCanonicalBytesTests {
    static func unusualEvent(_ number: Int) -> NewEvent {
        NewEvent(
            type: "Ankunft·Erfasst", data: ["name": "Ō’Connor \"Zoë\" \\ 東京", "n": .int(Int64(number))],
            metadata: ["officer": "Ngā"], occurredAt: Timestamp(microseconds: -86_400_000_001 + Int64(number)))
    }

    @Test func unusualEventsAreAcceptedAndEveryCopyOfTheLayoutAgrees() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        let requests = ["bürger-1", "旅客-2"].map { stream in
            AppendRequest(
                stream: stream, expected: .noStream, events: (0..<3).map(Self.unusualEvent),
                command: CommandKey(id: "schlüssel-\(stream)", requestHash: SHA256.hash(Array(stream.utf8))))
        }
        let plain = AppendRequest(stream: "plain", expected: .noStream, events: [Self.unusualEvent(9)])

        for result in fixture.store.append(requests + [plain], on: connection) { _ = try result.get() }

        let events = try fixture.store.read(after: 0, limit: 10, on: connection)
        let inDatabase = try fixture.database.connect().query(
            "SELECT encode(event_canonical_bytes(e), 'hex') FROM events e ORDER BY position")
        #expect(events.count == 7)
        #expect(try inDatabase.map { try $0.string(0) } == events.map { Hex.encode(ChainHash.canonicalBytes(of: $0)) })
    }
}
