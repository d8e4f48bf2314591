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

    /// Set in a build from the log (`building()`): pages leave presence to `finishBuilding`.
    var defersPresence = false

    public init(schema: String = "officer_lookup") {
        self.schema = schema
    }

    /// For a build from the log into a new schema, which nobody reads until it is finished: its
    /// pages leave presence, anomalies and authorised-until to one statement at the end, instead
    /// of working them out again for every traveller each page touches.
    public func building() -> any Projection {
        var building = self
        building.defersPresence = true
        return building
    }

    /// Works out presence, anomalies and authorised-until of every traveller, as the last page
    /// that touched each would have.
    public func finishBuilding(on connection: PostgresConnection) throws {
        guard defersPresence else { return }
        try connection.execute(
            "UPDATE \(schema).travellers AS t SET \(Self.presenceAssignments(schema))", context: "work out presence")
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
        try apply(events, through: OfficerLookupPage(schema: schema, defersPresence: defersPresence), on: connection)
    }
}
