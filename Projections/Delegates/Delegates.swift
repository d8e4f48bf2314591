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
        guard let decoded = try travellerEvent(event) else { return }
        switch decoded {
        case .delegateAccredited(let accreditation, let at):
            try accredit(accreditation, at: at, stream: event.stream, on: connection)
        case .accreditationRevoked(let withdrawal, _):
            try revoke(withdrawal.id, stream: event.stream, on: connection)
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            try record(crossing, at: event, on: connection)
        case .crossingCorrected(let correction, _):
            try correct(correction, stream: event.stream, on: connection)
        case .crossingVoided(let target, _, _):
            try void(version: target, stream: event.stream, on: connection)
        default:
            return
        }
        try refreshMovements(stream: event.stream, on: connection)
    }
}
