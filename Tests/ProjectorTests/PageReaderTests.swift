import BorderTime
import EventStore
import Foundation
import JSON
import Postgres
import TestSupport
import Testing

@testable import Projections

/// A build reads the log ahead on a second connection (`PageReader`): what it reads ahead must be
/// exactly what the build would have read itself.
@Suite("Reading the log ahead of a build")
struct PageReaderTests {
    static func log(events: Int) throws -> (TestDatabase, PostgresConnection) {
        let database = try TestDatabase(prefix: "ahead")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        let store = EventStore()
        for number in 0..<events {
            let event = NewEvent(
                type: "Noted", data: ["number": .int(Int64(number)), "text": "é \"quoted\""],
                occurredAt: Timestamp(microseconds: 1_729_500_000_000_000 + Int64(number)))
            _ = try store.append(
                AppendRequest(stream: "s-\(number % 3)", expected: .any, events: [event]), on: connection)
        }
        return (database, connection)
    }

    @Test func pagesReadAheadAreThePagesTheBuildWouldRead() throws {
        let (_, connection) = try Self.log(events: 23)
        let reader = try PageReader(after: 2, upTo: 21, pageSize: 5, beside: connection)
        defer { reader.stop() }
        var position: Int64 = 2
        var pages = [Int]()
        while position < 21 {
            let limit = Int(min(5, 21 - position))
            let ahead = try #require(reader.page(after: position, limit: limit)?.events)
            let own = try EventStore().read(after: position, limit: limit, on: connection)
            #expect(ahead == own)
            #expect(try ahead.map { try $0.data() } == own.map { try $0.data() })
            pages.append(ahead.count)
            position = try #require(ahead.last).position
        }
        #expect(pages == [5, 5, 5, 4])
        #expect(reader.page(after: 21, limit: 5) == nil)
        #expect(pages.count == 4)
    }

    @Test func aPageOtherThanTheOneReadAheadIsLeftToTheBuild() throws {
        let (_, connection) = try Self.log(events: 12)
        let reader = try PageReader(after: 0, upTo: 12, pageSize: 5, beside: connection)
        defer { reader.stop() }
        #expect(reader.page(after: 3, limit: 5) == nil)
        #expect(reader.page(after: 0, limit: 5)?.events.map(\.position) == [1, 2, 3, 4, 5])
    }

    @Test func theReaderConnectsAsTheBuildDoesAndLeavesWhenStopped() throws {
        let (_, connection) = try Self.log(events: 40)
        let second = try connection.duplicate()
        let path = try second.query("SELECT current_setting('search_path'), current_user")[0]
        let own = try connection.query("SELECT current_setting('search_path'), current_user")[0]
        #expect(try path.string(0) == own.string(0))
        #expect(try path.string(1) == own.string(1))
        #expect(second.backendPID != connection.backendPID)
        second.close()

        let reader = try PageReader(after: 0, upTo: 40, pageSize: 5, beside: connection)
        let readerPID = reader.backendPID
        #expect(reader.page(after: 0, limit: 5)?.events.count == 5)
        reader.stop()
        let left = try waitUntil(seconds: 10) {
            try connection.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", [String(readerPID)])[0]
                .int64(0) == 0
        }
        #expect(left)
    }

    /// The statements a page is applied with are made as it is read; a page the build asks for
    /// in part (a smaller limit) comes without them, for the build to apply itself.
    @Test func pagesComeWithTheirStatementsUnlessCutShort() throws {
        let (_, connection) = try Self.log(events: 12)
        let reader = try PageReader(after: 0, upTo: 12, pageSize: 5, beside: connection) { events in
            events.map { PostgresConnection.Statement("SELECT \($0.position)") }
        }
        defer { reader.stop() }
        #expect(reader.page(after: 0, limit: 5)?.statements?.map(\.sql) == (1...5).map { "SELECT \($0)" })
        let cut = try #require(reader.page(after: 5, limit: 3))
        #expect(cut.events.map(\.position) == [6, 7, 8])
        #expect(cut.statements == nil)
    }

    /// Pages are prepared side by side: a page whose preparation takes longer than the next
    /// one's still comes first, with its own statements.
    @Test func pagesPreparedSideBySideComeInLogOrder() throws {
        let (_, connection) = try Self.log(events: 20)
        let reader = try PageReader(after: 0, upTo: 20, pageSize: 4, beside: connection) { events in
            // The earlier the page, the longer it takes.
            usleep(UInt32(60_000 - 10_000 * Int(events[0].position / 4)))
            return events.map { PostgresConnection.Statement("SELECT \($0.position)") }
        }
        defer { reader.stop() }
        var position: Int64 = 0
        while position < 20 {
            let page = try #require(reader.page(after: position, limit: 4))
            #expect(page.events.map(\.position) == Array(position + 1...position + 4))
            #expect(page.statements?.map(\.sql) == page.events.map { "SELECT \($0.position)" })
            position += 4
        }
        #expect(reader.page(after: 20, limit: 4) == nil)
    }
}
