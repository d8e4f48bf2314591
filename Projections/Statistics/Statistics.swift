import BorderDomain
import EventStore
import Foundation
import Postgres

/// The statistics read model: arrivals and departures by occurred day, port, nationality, purpose
/// and direction; visa and permit decisions by kind, category and decision; overstays.
///
/// Counts are kept incrementally in daily and monthly tables, so that a query over years reads
/// pre-counted buckets, not millions of crossings. Each crossing also keeps a row of its own (by
/// log position, without personal data) so that a correction or a void moves or removes exactly
/// the count it made. A bucket that falls to zero is deleted, as a rebuild would never make it.
public struct Statistics: Projection {
    public let name = "statistics"
    public let schema: String

    public init(schema: String = "statistics") {
        self.schema = schema
    }

    /// The late departures' report reads it; applying events never does.
    public var indexesForReaders: [String] { ["crossings_departed_late"] }

    public var checksumTables: [(name: String, order: String)] {
        [
            ("crossings", "position"),
            ("crossings_daily", "day, port, nationality, purpose, direction"),
            ("crossings_monthly", "month, port, nationality, purpose, direction"),
            ("permits", "traveller, id"), ("permit_decisions_daily", "day, kind, category, decision"),
            ("travellers", "traveller"),
        ]
    }

    public func inSchema(_ schema: String) -> any Projection { Statistics(schema: schema) }

    public func migrations() throws -> [Migration] {
        try migrations(from: "StatisticsMigrations", in: .module)
    }

    /// Applies one event on its own: the reference that `apply(_ events:)` gives the same tables as.
    public func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {
        guard let decoded = try travellerEvent(event) else { return }
        let traveller = try travellerKey(of: event, on: connection)
        switch decoded {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            try record(crossing, at: event.position, traveller: traveller, on: connection)
        case .crossingCorrected(let correction, _):
            try correct(correction, stream: event.stream, traveller: traveller, on: connection)
        case .crossingVoided(let target, _, _):
            try void(stream: event.stream, version: target, traveller: traveller, on: connection)
        case .overstayFlagged, .overstayCleared:
            try flagOverstay(decoded.isOverstayFlag, traveller: traveller, on: connection)
        default:
            try countDecision(decoded, traveller: traveller, on: connection)
        }
    }

    /// A traveller is known here by the log position of their stream's first event, never by the
    /// stream name, which holds the document number.
    private func travellerKey(of event: RecordedEvent, on connection: PostgresConnection) throws -> Int64 {
        guard event.version > 1 else { return event.position }
        guard let position = try position(of: event.stream, version: 1, on: connection) else {
            throw ProjectionError(.gapInLog, "\(name): the first event of the stream at \(event.position) is missing")
        }
        return position
    }

    /// The log position of a stream's event; nil when there is none.
    func position(of stream: String, version: Int64, on connection: PostgresConnection) throws -> Int64? {
        let rows = try connection.query(
            "SELECT position FROM events WHERE stream = $1 AND version = $2", [stream, String(version)],
            context: "find event position")
        return try rows.first?.int64(0)
    }
}
