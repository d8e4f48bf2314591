import BorderTime
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("The append lock and what readers see")
struct LockAndVisibilityTests {
    @Test func transactionThatTookTheLockAndRolledBackLeavesNoHole() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.database.connect()
        _ = try fixture.append("a", expecting: .noStream, on: owner)
        try owner.execute("BEGIN")
        try owner.query("SELECT position FROM log_head FOR UPDATE")
        try owner.query("UPDATE log_head SET position = position + 1")
        try owner.execute("ROLLBACK")

        let next = try fixture.append("b", expecting: .noStream, on: owner)

        #expect(next.firstPosition == 2)
    }

    @Test func stuckAppendTimesOutWithClearErrorAndOthersProceedAfter() throws {
        let fixture = try StoreFixture()
        let store = EventStore(lockTimeoutMilliseconds: 300)
        let holder = try fixture.database.connect()
        let writer = try fixture.database.connectAsApplication()
        try holder.execute("BEGIN")
        try holder.query("SELECT position FROM log_head FOR UPDATE")

        let started = Date()
        let error = #expect(throws: EventStoreError.self) {
            try store.append(AppendRequest(stream: "s", expected: .any, events: [fixture.event()]), on: writer)
        }
        let waited = Date().timeIntervalSince(started)
        try holder.execute("ROLLBACK")

        #expect(error?.code == .lockTimeout)
        #expect(error?.message == "append to s: the append lock was not free in time")
        #expect(waited < 5)
        #expect(
            try store.append(AppendRequest(stream: "s", expected: .any, events: [fixture.event()]), on: writer)
                .lastPosition == 1)
    }

    @Test func longIdleTransactionDoesNotStallWritersOrReaders() throws {
        let fixture = try StoreFixture()
        let idle = try fixture.database.connectAsApplication()
        let connection = try fixture.database.connectAsApplication()
        _ = try fixture.append("a", expecting: .noStream, on: connection)
        try idle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try idle.query("SELECT count(*) FROM events")

        for number in 1...20 {
            _ = try fixture.append("b\(number)", expecting: .noStream, on: connection)
        }
        let seen = try fixture.store.read(after: 0, limit: 100, on: connection)
        try idle.execute("ROLLBACK")

        #expect(seen.map(\.position) == Array(1...21))
    }
}
