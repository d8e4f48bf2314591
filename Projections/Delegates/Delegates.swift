import BorderDomain
import EventStore
import Foundation
import Postgres

/// The summit delegates read model: per accreditation, the delegate's delegation, role, validity,
/// expected holder and movements (expected, in the country, departed), and whether an arrival's
/// passport differed from the accreditation; per delegation, those counted at query time.
///
/// A traveller's stream is keyed by document and holds their accreditations, so a delegate's
/// crossings are that stream's. Every crossing keeps a row here (an accreditation may come after
/// the arrival it covers); after any change on a stream, its delegates' movements are worked out
/// again from those rows.
public struct Delegates: Projection {
    public let name = "summit-delegates"
    public let schema: String

    /// Days either side of an accreditation's validity in which a crossing counts for the summit:
    /// delegates arrive early and leave late, but last year's holiday is not this summit.
    public static let windowDays = 7

    public init(schema: String = "summit_delegates") {
        self.schema = schema
    }

    public var checksumTables: [(name: String, order: String)] {
        [("delegates", "stream, accreditation_id"), ("crossings", "position")]
    }

    public func inSchema(_ schema: String) -> any Projection { Delegates(schema: schema) }

    public func migrations() throws -> [Migration] {
        try migrations(from: "DelegatesMigrations", in: .module)
    }

    public func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {
        try apply([event], on: connection)
    }

    /// Applies a page of events in one round trip (`DelegatesPage`).
    public func apply(_ events: [RecordedEvent], on connection: PostgresConnection) throws {
        try apply(events, through: DelegatesPage(delegates: self), on: connection)
    }

    public func pageStatements(_ events: [RecordedEvent]) throws -> [PostgresConnection.Statement]? {
        try statements(for: events, through: DelegatesPage(delegates: self))
    }
}
