import BorderTime
import EventStore
import Foundation
import Locking
import Postgres
import TestSupport
import Testing

@Suite("Global order and the hash chain")
struct OrderAndChainTests {
    @Test func concurrentWritersThenFollowingReaderSeesEveryEventOnceInOrder() throws {
        let fixture = try StoreFixture()
        let writers = 16
        let appendsPerWriter = 25
        let total = Int64(writers * appendsPerWriter)
        let failures = Locked<[String]>([])
        let seen = Locked<[Int64]>([])
        let reader = try fixture.database.connectAsApplication()
        let readerDone = DispatchSemaphore(value: 0)
        let readerThread = Thread {
            var checkpoint: Int64 = 0
            let deadline = Date().addingTimeInterval(60)
            while checkpoint < total, Date() < deadline {
                guard let batch = try? fixture.store.read(after: checkpoint, limit: 37, on: reader) else { break }
                seen.withLock { $0 += batch.map(\.position) }
                checkpoint = batch.last?.position ?? checkpoint
            }
            readerDone.signal()
        }
        readerThread.start()

        runOnThreads(writers) { writer in
            do {
                let connection = try fixture.database.connectAsApplication()
                for number in 0..<appendsPerWriter {
                    _ = try fixture.store.append(
                        AppendRequest(
                            stream: "writer-\(writer)", expected: number == 0 ? .noStream : .exactly(Int64(number)),
                            events: [fixture.event("Written", number)]),
                        on: connection)
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        readerDone.wait()

        #expect(failures.withLock { $0 } == [])
        #expect(seen.withLock { $0 } == Array(1...total))
    }

    @Test func chainHashRecomputedInSwiftMatchesStoredHash() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        for stream in ["a", "b", "c"] {
            _ = try fixture.append(stream, expecting: .noStream, count: 3, key: "key-\(stream)", on: connection)
        }

        let events = try fixture.store.read(after: 0, limit: 100, on: connection)
        var previous = ChainHash.genesis
        for event in events {
            let expected = ChainHash.next(after: previous, event: event)
            #expect(event.hash == expected, "position \(event.position)")
            previous = expected
        }

        #expect(events.count == 9)
        #expect(try fixture.store.head(on: connection).hash == previous)
    }

    @Test func chainHashDetectsAlteredPayload() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("a", expecting: .noStream, count: 2, on: connection)
        var events = try fixture.store.read(after: 0, limit: 10, on: connection)

        events[0].dataText = #"{"n":7}"#

        #expect(ChainHash.next(after: ChainHash.genesis, event: events[0]) != events[0].hash)
    }

    @Test func storedTimestampsRoundTripToTheMicrosecond() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connectAsApplication()
        let occurred = Timestamp(microseconds: 1_729_438_200_123_456)
        let event = NewEvent(type: "T", data: [:], occurredAt: occurred)

        _ = try fixture.store.append(AppendRequest(stream: "t", expected: .noStream, events: [event]), on: connection)

        let stored = try fixture.store.read(stream: "t", on: connection)[0]
        #expect(stored.occurredAt == occurred)
        #expect(stored.recordedAt > occurred)
    }
}

@Suite("The canonical form is fixed")
struct CanonicalFormTests {
    /// A golden vector: changing the canonical layout would orphan every stored chain, so this
    /// value must never change.
    @Test func canonicalBytesAndHashOfAKnownEventNeverChange() {
        let event = RecordedEvent(
            position: 1, stream: "traveller-abc", version: 1, type: "ArrivalRecorded", schemaVersion: 1,
            dataText: #"{"port":"APW"}"#, metadataText: #"{"officer":"o1"}"#,
            occurredAt: Timestamp(microseconds: 1_729_438_200_000_000),
            recordedAt: Timestamp(microseconds: 1_729_438_201_000_000), commandID: nil, hash: [])

        let canonical = ChainHash.canonicalBytes(of: event)

        #expect(
            Hex.encode(canonical)
                == "42432d4556454e542d31" + "0000000000000001" + "0000000d" + Hex.encode(Array("traveller-abc".utf8))
                + "0000000000000001" + "0000000f" + Hex.encode(Array("ArrivalRecorded".utf8)) + "0000000000000001"
                + "000624ea35926e00" + "000624ea35a1b040" + "0000000e" + Hex.encode(Array(#"{"port":"APW"}"#.utf8))
                + "00000010" + Hex.encode(Array(#"{"officer":"o1"}"#.utf8)) + "ffffffff")
        #expect(
            Hex.encode(ChainHash.next(after: ChainHash.genesis, event: event))
                == "eae2ed9648e2a1e0aafabfc2be814bc99f1b51fe60626b572fa86e8af54a4426")
    }
}
