import BorderTime
import EventStore
import Foundation
import Locking
import Postgres
import TestSupport
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    static func writer(_ fixture: StoreFixture) -> GroupCommitWriter {
        GroupCommitWriter(conninfo: fixture.database.conninfo, options: fixture.database.options, store: fixture.store)
    }

    @Test func concurrentCallersShareTransactionsAndEveryOneIsStoredOnce() throws {
        let fixture = try StoreFixture()
        let writer = Self.writer(fixture)
        defer { writer.shutdown() }
        let callers = 32
        let perCaller = 20
        let failures = Locked<[String]>([])

        runOnThreads(callers) { caller in
            for number in 0..<perCaller {
                let request = AppendRequest(
                    stream: "caller-\(caller)", expected: number == 0 ? .noStream : .exactly(Int64(number)),
                    events: [fixture.event("Written", number)])
                do {
                    _ = try writer.append(request)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }

        #expect(failures.withLock { $0 } == [])
        let connection = try fixture.database.connect()
        let positions = try fixture.store.read(after: 0, limit: 10_000, on: connection).map(\.position)
        #expect(positions == Array(1...Int64(callers * perCaller)))
        let statistics = writer.statistics
        #expect(statistics.requests == callers * perCaller)
        #expect(statistics.transactions < statistics.requests)
    }

    @Test func staleRequestInBatchFailsAloneAndLeavesNoGap() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connect()
        _ = try fixture.append("s2", expecting: .noStream, count: 2, on: connection)

        let results = fixture.store.append(
            [
                AppendRequest(stream: "s1", expected: .noStream, events: [fixture.event()]),
                AppendRequest(stream: "s2", expected: .exactly(1), events: [fixture.event()]),
                AppendRequest(stream: "s3", expected: .noStream, events: [fixture.event(), fixture.event()]),
            ], on: connection)

        #expect(try results[0].get().firstPosition == 3)
        #expect(throws: EventStoreError.self) { try results[1].get() }
        #expect(try results[2].get().firstPosition == 4)
        #expect(try results[2].get().lastPosition == 5)
        #expect(try fixture.store.read(after: 0, limit: 10, on: connection).map(\.position) == [1, 2, 3, 4, 5])
    }

    @Test func twoRequestsForOneStreamInOneBatchSeeEachOther() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connect()

        let results = fixture.store.append(
            [
                AppendRequest(stream: "s", expected: .noStream, events: [fixture.event()]),
                AppendRequest(stream: "s", expected: .exactly(1), events: [fixture.event()]),
                AppendRequest(stream: "s", expected: .exactly(1), events: [fixture.event()]),
            ], on: connection)

        #expect(try results[1].get().streamVersion == 2)
        let error = #expect(throws: EventStoreError.self) { try results[2].get() }
        #expect(error?.description == "stream s expected at version 1 but is at version 2")
    }

    @Test func sameKeyTwiceInOneBatchAppendsOnce() throws {
        let fixture = try StoreFixture()
        let connection = try fixture.database.connect()
        let key = CommandKey(id: "k", requestHash: [1, 2, 3])
        let other = CommandKey(id: "k", requestHash: [9])

        let results = fixture.store.append(
            [
                AppendRequest(stream: "s", expected: .any, events: [fixture.event()], command: key),
                AppendRequest(stream: "s", expected: .any, events: [fixture.event()], command: key),
                AppendRequest(stream: "s", expected: .any, events: [fixture.event()], command: other),
            ], on: connection)

        #expect(try results[0].get().replayed == false)
        #expect(try results[1].get().replayed == true)
        #expect(try results[1].get().firstPosition == 1)
        #expect((#expect(throws: EventStoreError.self) { try results[2].get() })?.code == .idempotencyKeyReused)
        #expect(try fixture.store.head(on: connection).position == 1)
    }

    @Test func concurrentAppendsWithSameExpectedVersionLetExactlyOneThrough() throws {
        let fixture = try StoreFixture()
        let writer = Self.writer(fixture)
        defer { writer.shutdown() }
        _ = try writer.append(AppendRequest(stream: "contested", expected: .noStream, events: [fixture.event()]))
        let outcomes = Locked<[Result<AppendResult, EventStoreError>]>([])

        runOnThreads(24) { number in
            let request = AppendRequest(
                stream: "contested", expected: .exactly(1), events: [fixture.event("T", number)])
            let result = Result { () throws(EventStoreError) in try writer.append(request) }
            outcomes.withLock { $0.append(result) }
        }

        let results = outcomes.withLock { $0 }
        let successes = results.compactMap { try? $0.get() }
        #expect(successes.count == 1)
        for case .failure(let error) in results {
            #expect(error.code == .conflict)
            #expect(error.description == "stream contested expected at version 1 but is at version 2")
        }
        let stored = try fixture.store.read(stream: "contested", on: try fixture.database.connect())
        #expect(stored.count == 2)
        #expect(stored.last?.position == successes.first?.lastPosition)
    }
}

@Suite("The group-commit writer without a database")
struct WriterOutageTests {
    @Test func unreachableDatabaseFailsEachCommandAndIsReportedOnce() {
        let reports = Locked(0)
        let writer = GroupCommitWriter(conninfo: "host=127.0.0.1 port=1 connect_timeout=1") { _ in
            reports.withLock { $0 += 1 }
        }
        defer { writer.shutdown() }
        let request = AppendRequest(
            stream: "s", expected: .any,
            events: [NewEvent(type: "T", data: [:], occurredAt: Timestamp(microseconds: 0))])

        let outcomes = (0..<3).map { _ in Result { () throws(EventStoreError) in try writer.append(request) } }

        for outcome in outcomes {
            guard case .failure(let error) = outcome else {
                Issue.record("an append succeeded without a database")
                continue
            }
            #expect(error.code == .unavailable)
        }
        #expect(reports.withLock { $0 } == 1)
    }
}
