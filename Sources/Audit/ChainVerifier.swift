import EventStore
import Postgres

/// Recomputes the log's hash chain from the stored events with our own SHA-256 (libcrypto),
/// independent of any database function, and reports the first position where it breaks.
public struct ChainVerifier: Sendable {
    public enum Break: Sendable, Equatable, CustomStringConvertible {
        /// No event is stored at this position, though later ones are.
        case missing(position: Int64)
        /// The stored hash is not the hash of this event's content chained to the one before.
        case hashMismatch(position: Int64)
        /// The log's head does not name the last event (events removed from the end, or added
        /// past it without moving the head).
        case headMismatch(headPosition: Int64, lastPosition: Int64)

        public var position: Int64 {
            switch self {
            case .missing(let position), .hashMismatch(let position): position
            case .headMismatch(let head, let last): min(head, last) + 1
            }
        }

        public var description: String {
            switch self {
            case .missing(let position): "chain broken at position \(position): no event stored there"
            case .hashMismatch(let position):
                "chain broken at position \(position): stored hash does not match the event's content"
            case .headMismatch(let head, let last):
                "chain broken after position \(min(head, last)): the log head names position \(head), "
                    + "the last stored event is \(last)"
            }
        }
    }

    public struct Report: Sendable, Equatable {
        public var first: Int64
        public var last: Int64
        public var verified: Int64
        public var lastHash: [UInt8]
        public var broken: Break?
    }

    public var pageSize = 10_000
    let store = EventStore()

    public init() {}

    /// Verifies positions `from...to` (the whole log by default). Starting past position 1 trusts
    /// the stored hash of the event before `from`, and says so in the report's `first`.
    public func verify(
        from: Int64 = 1, to: Int64? = nil, on connection: PostgresConnection,
        progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> Report {
        let head = try store.head(on: connection)
        let end = min(to ?? head.position, head.position)
        var previous = ChainHash.genesis
        if from > 1 {
            guard let before = try store.read(after: from - 2, limit: 1, on: connection).first,
                before.position == from - 1
            else {
                return Report(
                    first: from, last: from - 1, verified: 0, lastHash: [], broken: .missing(position: from - 1))
            }
            previous = before.hash
        }
        var expected = max(from, 1)
        var report = Report(first: expected, last: expected - 1, verified: 0, lastHash: previous, broken: nil)
        while expected <= end || to == nil {
            let page = try store.read(after: expected - 1, limit: pageSize, on: connection)
            guard !page.isEmpty else { break }
            for event in page {
                if let end = to, event.position > end { return report }
                guard event.position == expected else {
                    report.broken = .missing(position: expected)
                    return report
                }
                let hash = ChainHash.next(after: previous, event: event)
                guard hash == event.hash else {
                    report.broken = .hashMismatch(position: event.position)
                    return report
                }
                previous = hash
                report.last = event.position
                report.lastHash = hash
                report.verified += 1
                expected += 1
            }
            progress(report.verified, max(end - report.first + 1, report.verified))
        }
        if to == nil && (report.last != head.position || report.lastHash != head.hash) {
            report.broken = .headMismatch(headPosition: head.position, lastPosition: report.last)
        }
        return report
    }
}
