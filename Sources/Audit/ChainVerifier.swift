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
        /// The log no longer extends a signed checkpoint: the hash at its position differs.
        case divergesFromCheckpoint(position: Int64)
        /// The log ends before a signed checkpoint's position.
        case shorterThanCheckpoint(checkpointPosition: Int64, lastPosition: Int64)
        /// The log's head does not name the last event (events removed from the end, or added
        /// past it without moving the head).
        case headMismatch(headPosition: Int64, lastPosition: Int64)

        public var position: Int64 {
            switch self {
            case .missing(let position), .hashMismatch(let position), .divergesFromCheckpoint(let position): position
            case .shorterThanCheckpoint(_, let last): last + 1
            case .headMismatch(let head, let last): min(head, last) + 1
            }
        }

        public var description: String {
            switch self {
            case .missing(let position): "chain broken at position \(position): no event stored there"
            case .hashMismatch(let position):
                "chain broken at position \(position): stored hash does not match the event's content"
            case .divergesFromCheckpoint(let position):
                "the log does not extend the checkpoint: its hash at position \(position) differs from the signed one"
            case .shorterThanCheckpoint(let checkpoint, let last):
                "the log ends at position \(last), before the checkpoint's position \(checkpoint)"
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

    public var pageSize = 20_000
    let store = EventStore()

    public init() {}

    /// Verifies positions `from...to` (the whole log as of the start by default). Starting past
    /// position 1 trusts the stored hash of the event before `from`; `Report.first` says where
    /// the verification started. Pages are fetched on a second connection while the previous
    /// page is hashed.
    public func verify(
        from: Int64 = 1, to: Int64? = nil, against checkpoint: (position: Int64, hash: [UInt8])? = nil,
        on connection: PostgresConnection, prefetchOn fetcher: PostgresConnection? = nil,
        progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> Report {
        let head = try store.head(on: connection)
        let start = max(from, 1)
        let end = min(to ?? head.position, head.position)
        var report = Report(first: start, last: start - 1, verified: 0, lastHash: ChainHash.genesis, broken: nil)
        if start > head.position + 1 {
            throw AuditError.invalidRange("--from \(start) is past the head of the log (\(head.position))")
        }
        if start > 1 {
            guard let before = try store.read(after: start - 2, limit: 1, on: connection).first,
                before.position == start - 1
            else {
                report.broken = .missing(position: start - 1)
                return report
            }
            report.lastHash = before.hash
        }
        let pages = PageFetcher(connection: fetcher ?? connection, after: start - 1, through: end, pageSize: pageSize)
        var hasher = PageHasher(expected: start, previous: report.lastHash, checkpoint: checkpoint)
        while let page = try pages.next() {
            if let broken = hasher.verify(page) {
                report.broken = broken
                break
            }
            progress(hasher.expected - start, end - start + 1)
        }
        pages.cancel()
        report.last = hasher.expected - 1
        report.verified = hasher.expected - start
        report.lastHash = hasher.previous
        if report.broken == nil && to == nil && (report.last != head.position || report.lastHash != head.hash) {
            report.broken = .headMismatch(headPosition: head.position, lastPosition: report.last)
        }
        if report.broken == nil && to == nil {
            report.broken = try eventsPastTheHead(on: connection)
        }
        if report.broken == nil, let checkpoint, checkpoint.position > report.last {
            report.broken = .shorterThanCheckpoint(checkpointPosition: checkpoint.position, lastPosition: report.last)
        }
        return report
    }

    /// An event stored past the log's head, which no append through the store or the database's
    /// triggers can leave (one inserted with the triggers bypassed): the head is read after the
    /// last stored position, so events appended meanwhile are not mistaken for one.
    func eventsPastTheHead(on connection: PostgresConnection) throws -> Break? {
        let rows = try connection.query("SELECT max(position) FROM events", context: "read last position")
        guard let last = try rows.first?.optionalInt64(0) else { return nil }
        let head = try store.head(on: connection)
        return last > head.position ? .headMismatch(headPosition: head.position, lastPosition: last) : nil
    }
}
