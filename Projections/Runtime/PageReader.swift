import Dispatch
import EventStore
import Foundation
import Postgres

/// Reads the log ahead of a build, on a thread and a connection of its own: while the build
/// writes one page, the next ones are read, and their data parsed and statements made on other
/// threads, a page each, so that a read model whose pages cost the server little is not held
/// to one thread's decoding. Pages come in log order, as `EventStore.read(after:limit:)` gives
/// them.
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

    /// A page read from the log, ready once `result` is set; guarded by the reader's condition.
    private final class Slot: @unchecked Sendable {
        var result: Result<Page, any Error>?
    }

    private let connection: PostgresConnection
    private let pageSize: Int
    private let lastPosition: Int64
    private let condition = NSCondition()
    private var pages = [Slot]()
    private let preparing: @Sendable ([RecordedEvent]) -> [PostgresConnection.Statement]?
    private let preparers = DispatchQueue(label: "border.page-preparer", attributes: .concurrent)
    private var stopped = false
    private var next: Int64
    private static let pagesAhead = 3

    /// Starts reading the events after `position`, up to `lastPosition`, in pages of `pageSize`;
    /// `preparing` makes each page's statements once it is read.
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
        // Wait for the first page to be ready; with none read, for the reader to read one or stop.
        while !(pages.first.map { $0.result != nil } ?? stopped) { condition.wait() }
        guard case .success(var page) = pages.first?.result, page.after == position else { return nil }
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
            let read = Result { try EventStore().read(after: position, limit: limit, on: connection) }
            let slot = Slot()
            condition.lock()
            pages.append(slot)
            switch read {
            case .success(let events) where !events.isEmpty: next = events.last!.position
            default: stopped = true
            }
            condition.unlock()
            preparers.async { self.prepare(read, after: position, into: slot) }
        }
    }

    /// Parses the page's data and makes its statements, then hands it to the build.
    private func prepare(_ read: Result<[RecordedEvent], any Error>, after position: Int64, into slot: Slot) {
        let page = read.map { events in
            var events = events
            for index in events.indices { events[index].parseDataAhead() }
            return Page(after: position, events: events, statements: preparing(events))
        }
        condition.lock()
        slot.result = page
        condition.broadcast()
        condition.unlock()
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
