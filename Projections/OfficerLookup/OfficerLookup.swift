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

    /// A build's pages leave half of each page of travellers free, so that `finishBuilding`
    /// can write each traveller's presence beside its row (a heap-only update, no new index
    /// entry) instead of moving every row.
    public func startBuilding(on connection: PostgresConnection) throws {
        guard defersPresence else { return }
        try connection.execute(
            "ALTER TABLE \(schema).travellers SET (fillfactor = 50)", context: "leave room for presence")
    }

    /// Works out presence, anomalies and authorised-until of every traveller, as the last page
    /// that touched each would have (`presenceAssignments`), but for all of them at once: each
    /// table is read once, grouped by stream, instead of searched again for every traveller. It
    /// sorts and hashes every traveller at once, hence the memory it is given.
    public func finishBuilding(on connection: PostgresConnection) throws {
        guard defersPresence else { return }
        // A transaction of its own, so that a failure (a cancel) leaves the session out of it.
        try connection.withTransaction(context: "work out presence") { connection in
            try presenceUpdate(on: connection)
        }
    }

    private func presenceUpdate(on connection: PostgresConnection) throws {
        try connection.execute(
            """
            SET LOCAL work_mem = '64MB';
            UPDATE \(schema).travellers AS t SET
                in_country = coalesce(last_crossing.arrival, FALSE),
                anomalies = coalesce(seen.anomalies, '{}'),
                authorised_until = limits.until
            FROM \(schema).travellers AS every
            LEFT JOIN (
                SELECT DISTINCT ON (stream) stream, direction = 'arrival' AS arrival
                FROM \(schema).crossings WHERE NOT voided
                ORDER BY stream, occurred_at DESC, position DESC
            ) AS last_crossing USING (stream)
            LEFT JOIN (
                SELECT stream, array_agg(DISTINCT anomaly ORDER BY anomaly) AS anomalies
                FROM \(schema).crossings, unnest(anomalies) AS anomaly
                WHERE NOT voided AND anomalies <> '{}' GROUP BY stream
            ) AS seen USING (stream)
            LEFT JOIN (
                SELECT arrived.stream, max(valid.until) AS until
                FROM (
                    SELECT DISTINCT ON (stream) stream, (occurred_at AT TIME ZONE 'UTC')::date AS day
                    FROM \(schema).crossings WHERE direction = 'arrival' AND NOT voided
                    ORDER BY stream, occurred_at DESC, position DESC
                ) AS arrived
                JOIN (
                    SELECT stream, valid_until AS until FROM \(schema).permits WHERE NOT cancelled
                    UNION ALL
                    SELECT stream, valid_until FROM \(schema).accreditations WHERE NOT revoked
                ) AS valid ON valid.stream = arrived.stream AND valid.until >= arrived.day
                GROUP BY arrived.stream
            ) AS limits USING (stream)
            WHERE t.stream = every.stream;
            ALTER TABLE \(schema).travellers RESET (fillfactor)
            """, context: "work out presence")
    }

    /// The lookup by document, the name search, the search by nationality and birth, the overstay
    /// watch: what readers use; applying events reads travellers by stream only. A build, which
    /// leaves presence to its end, does not read crossings in time order either.
    public var indexesForReaders: [String] {
        [
            "travellers_document", "travellers_full_name_trgm", "travellers_nationality_birth",
            "travellers_overstay_watch",
        ] + (defersPresence ? ["crossings_stream"] : [])
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
        try apply(events, through: page, on: connection)
    }

    public func pageStatements(_ events: [RecordedEvent]) throws -> [PostgresConnection.Statement]? {
        try statements(for: events, through: page)
    }

    private var page: OfficerLookupPage { OfficerLookupPage(schema: schema, defersPresence: defersPresence) }
}
