import EventStore
import Foundation
import Postgres

/// Reads the log ahead of a build, on a thread and a connection of its own: while the build
/// writes one page, the next is read and its data parsed, so that the build's connection spends
/// its time writing. Pages come in log order, as `EventStore.read(after:limit:)` gives them.
///
/// The log is append-only and a build stops at a position it has already seen, so what is read
/// ahead is what the build would read itself.
final class PageReader: @unchecked Sendable {
    /// A page read ahead: its events, and the statements that apply them when the read model
    /// makes them without the database (nil otherwise, or when making them failed).
    struct Page {
        var after: Int64
        var events: [RecordedEvent]
        var statements: [PostgresConnection.Statement]?
    }

    private let connection: PostgresConnection
    private let pageSize: Int
    private let lastPosition: Int64
    private let condition = NSCondition()
    private var pages = [Result<Page, any Error>]()
    private let preparing: @Sendable ([RecordedEvent]) -> [PostgresConnection.Statement]?
    private var stopped = false
    private var next: Int64
    private static let pagesAhead = 2

    /// Starts reading the events after `position`, up to `lastPosition`, in pages of `pageSize`;
    /// `preparing` makes each page's statements as it is read.
    init(
        after position: Int64, upTo lastPosition: Int64, pageSize: Int, beside connection: PostgresConnection,
        preparing: @escaping @Sendable ([RecordedEvent]) -> [PostgresConnection.Statement]? = { _ in nil }
    ) throws {
        self.connection = try connection.duplicate()
        self.preparing = preparing
        self.pageSize = pageSize
        self.lastPosition = lastPosition
        next = position
        let thread = Thread { self.run() }
        thread.name = "border.page-reader"
        thread.start()
    }

    /// The page after `position` of at most `limit` events, read ahead; nil when the build asks
    /// for another page than the one read ahead, or reading it ahead failed: the build then
    /// reads it itself, and meets any error on its own connection.
    func page(after position: Int64, limit: Int) -> Page? {
        condition.lock()
        defer { condition.unlock() }
        while pages.isEmpty && !stopped { condition.wait() }
        guard case .success(var page) = pages.first, page.after == position else { return nil }
        pages.removeFirst()
        condition.broadcast()
        if page.events.count > limit {
            page.events = Array(page.events.prefix(limit))
            page.statements = nil
        }
        return page
    }

    /// The reader's server backend, for tests.
    var backendPID: Int32 { connection.backendPID }

    /// Stops reading and closes the reader's connection. Idempotent.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        defer { connection.close() }
        while let position = nextPosition() {
            let limit = Int(min(Int64(pageSize), lastPosition - position))
            let page = Result { () throws -> Page in
                var events = try EventStore().read(after: position, limit: limit, on: connection)
                for index in events.indices { events[index].parseDataAhead() }
                return Page(after: position, events: events, statements: preparing(events))
            }
            condition.lock()
            pages.append(page)
            switch page {
            case .success(let read) where !read.events.isEmpty: next = read.events.last!.position
            default: stopped = true
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits for room ahead; the position to read after, or nil once stopped or at the end.
    private func nextPosition() -> Int64? {
        condition.lock()
        defer { condition.unlock() }
        while pages.count >= Self.pagesAhead && !stopped { condition.wait() }
        guard !stopped, next < lastPosition else {
            stopped = true
            condition.broadcast()
            return nil
        }
        return next
    }
}
