import BorderTime
import EventStore
import JSON
import TestSupport
import Testing

@Suite("Reading older event versions")
struct UpcasterTests {
    /// Version 1 kept a single `name`; version 2 splits it; version 3 adds a `source`.
    static let upcaster = Upcaster([
        .init(type: "NameRecorded", from: 1) { data in
            let parts = (data["name"]?.stringValue ?? "").split(separator: " ", maxSplits: 1).map(String.init)
            return ["given": .string(parts.first ?? ""), "family": .string(parts.count > 1 ? parts[1] : "")]
        },
        .init(type: "NameRecorded", from: 2) { data in
            guard case .object(var members) = data else { return data }
            members["source"] = "upcast"
            return .object(members)
        },
    ])

    @Test func versionOneEventIsReadAsCurrentVersion() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connect()
        let old = NewEvent(
            type: "NameRecorded", schemaVersion: 1, data: ["name": "Anna Maria"], occurredAt: Timestamp(microseconds: 0)
        )
        _ = try fixture.store.append(AppendRequest(stream: "n", expected: .noStream, events: [old]), on: connection)

        let stored = try fixture.store.read(stream: "n", on: connection)[0]
        let (version, data) = try Self.upcaster.upcast(stored)

        #expect(stored.schemaVersion == 1)
        #expect(version == 3)
        #expect(data == ["given": "Anna", "family": "Maria", "source": "upcast"])
        #expect(ChainHash.next(after: ChainHash.genesis, event: stored) == stored.hash, "the stored event is untouched")
    }

    @Test func currentVersionAndOtherTypesPassThrough() throws {
        let current = RecordedEvent(
            position: 1, stream: "s", version: 1, type: "NameRecorded", schemaVersion: 3,
            dataText: #"{"given":"A"}"#, metadataText: "{}", occurredAt: Timestamp(microseconds: 0),
            recordedAt: Timestamp(microseconds: 0), commandID: nil, hash: [])
        var other = current
        other.type = "Other"
        other.schemaVersion = 1

        #expect(try Self.upcaster.upcast(current) == (3, ["given": "A"]))
        #expect(try Self.upcaster.upcast(other) == (1, ["given": "A"]))
        #expect(Self.upcaster.currentVersion(of: "NameRecorded", stored: 1) == 3)
    }
}
