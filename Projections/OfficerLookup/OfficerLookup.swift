import BorderDomain
import EventStore
import Foundation
import JSON
import Postgres

/// The officer lookup read model: who holds this document, are they in the country, and their
/// crossings.
public struct OfficerLookup: Projection {
    public let name = "officer-lookup"
    public let schema: String

    public init(schema: String = "officer_lookup") {
        self.schema = schema
    }

    /// The lookup by document, the name search, the search by nationality and birth, the overstay
    /// watch: what readers use; applying events reads travellers by stream only.
    public var indexesForReaders: [String] {
        [
            "travellers_document", "travellers_full_name_trgm", "travellers_nationality_birth",
            "travellers_overstay_watch",
        ]
    }

    public var checksumTables: [(name: String, order: String)] {
        [
            ("travellers", "stream"), ("crossings", "position"), ("permits", "stream, id"),
            ("accreditations", "stream, id"), ("overstays", "stream"),
        ]
    }

    public func inSchema(_ schema: String) -> any Projection { OfficerLookup(schema: schema) }

    public func migrations() throws -> [Migration] {
        try migrations(from: "Migrations", in: .module)
    }

    public func apply(_ event: RecordedEvent, on connection: PostgresConnection) throws {
        try apply([event], on: connection)
    }

    /// Applies a page of events in one round trip (`OfficerLookupPage`).
    public func apply(_ events: [RecordedEvent], on connection: PostgresConnection) throws {
        try apply(events, through: OfficerLookupPage(schema: schema), on: connection)
    }
}
