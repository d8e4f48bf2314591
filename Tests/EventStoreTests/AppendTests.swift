import BorderTime
import EventStore
import JSON
import Postgres
import TestSupport
import Testing

@Suite("Appending to the log")
struct AppendTests {
    @Test func firstAppendStartsStreamAtVersionOneAndPositionOne() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()

        let result = try fixture.append("traveller-a", expecting: .noStream, count: 2, on: connection)

        #expect(result.firstPosition == 1)
        #expect(result.lastPosition == 2)
        #expect(result.streamVersion == 2)
        #expect(!result.replayed)
        let events = try fixture.store.read(stream: "traveller-a", on: connection)
        #expect(events.map(\.version) == [1, 2])
        #expect(try events[1].data() == ["n": 1])
    }

    @Test func staleAppendFailsWithConflictNamingStreamExpectedAndActual() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("traveller-b", expecting: .noStream, count: 3, on: connection)

        let error = #expect(throws: EventStoreError.self) {
            try fixture.append("traveller-b", expecting: .exactly(1), on: connection)
        }

        #expect(error?.code == .conflict)
        #expect(error?.description == "stream traveller-b expected at version 1 but is at version 3")
        #expect(try fixture.store.head(on: connection).position == 3)
    }

    @Test func noStreamExpectationFailsOnExistingStream() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("traveller-c", expecting: .noStream, on: connection)

        let error = #expect(throws: EventStoreError.self) {
            try fixture.append("traveller-c", expecting: .noStream, on: connection)
        }

        #expect(error?.description == "stream traveller-c expected at version no stream but is at version 1")
    }

    @Test func failedAppendLeavesNoGapInPositions() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("s1", expecting: .noStream, on: connection)
        _ = try? fixture.append("s1", expecting: .noStream, on: connection)

        let next = try fixture.append("s2", expecting: .any, on: connection)

        #expect(next.firstPosition == 2)
        #expect(try fixture.store.read(after: 0, limit: 10, on: connection).map(\.position) == [1, 2])
    }

    @Test func sameIdempotencyKeyTwiceAppendsOnceAndAnswersFirstOutcome() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()

        let first = try fixture.append("traveller-d", expecting: .any, key: "key-1", on: connection)
        let second = try fixture.append("traveller-d", expecting: .any, key: "key-1", on: connection)

        #expect(!first.replayed)
        #expect(second.replayed)
        #expect(second.firstPosition == first.firstPosition)
        #expect(second.streamVersion == first.streamVersion)
        #expect(try fixture.store.head(on: connection).position == 1)
    }

    @Test func idempotencyKeyReusedForDifferentRequestIsRefused() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("traveller-e", expecting: .any, key: "key-2", on: connection)
        let other = AppendRequest(
            stream: "traveller-e", expected: .any, events: [fixture.event()],
            command: CommandKey(id: "key-2", requestHash: SHA256.hash(Array("other".utf8))))

        let error = #expect(throws: EventStoreError.self) {
            try fixture.store.append(other, on: connection)
        }

        #expect(error?.code == .idempotencyKeyReused)
        #expect(try fixture.store.head(on: connection).position == 1)
    }

    @Test func eventOverNotifyPayloadLimitAppends() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        let large = NewEvent(
            type: "Large", data: ["text": .string(String(repeating: "x", count: 20_000))],
            occurredAt: Timestamp(microseconds: 0))

        let result = try fixture.store.append(
            AppendRequest(stream: "big", expected: .noStream, events: [large]), on: connection)

        #expect(result.lastPosition == 1)
    }
}
