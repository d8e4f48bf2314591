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
        guard let decoded = try travellerEvent(event) else { return }
        if let crossing = decoded.crossing {
            try upsertTraveller(crossing.document, event: event, on: connection)
            try insertCrossing(crossing, event: event, on: connection)
        } else {
            try applyDecision(decoded, recorded: event, on: connection)
        }
        try refreshPresence(stream: event.stream, position: event.position, on: connection)
    }

    private func upsertTraveller(_ document: DocumentFacts, event: RecordedEvent, on connection: PostgresConnection)
        throws
    {
        try connection.query(
            """
            INSERT INTO \(schema).travellers (stream, issuing_state, document_number, nationality, document_code,
                primary_identifier, secondary_identifiers, date_of_birth, sex, date_of_expiry, last_position,
                full_name)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12)
            ON CONFLICT (stream) DO UPDATE SET
                nationality = excluded.nationality, document_code = excluded.document_code,
                primary_identifier = excluded.primary_identifier,
                secondary_identifiers = excluded.secondary_identifiers, date_of_birth = excluded.date_of_birth,
                sex = excluded.sex, date_of_expiry = excluded.date_of_expiry, last_position = excluded.last_position,
                full_name = excluded.full_name
            """,
            [
                event.stream, document.issuingState, document.documentNumber, document.nationality,
                document.documentCode, document.primaryIdentifier,
                PostgresArray.literal(document.secondaryIdentifiers), document.dateOfBirth, document.sex,
                document.dateOfExpiry, String(event.position),
                MRZ.searchForm(
                    of: ([document.primaryIdentifier] + document.secondaryIdentifiers).joined(separator: " ")),
            ],
            context: "upsert traveller")
    }

    private func insertCrossing(_ crossing: Crossing, event: RecordedEvent, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO \(schema).crossings (position, stream, direction, port, carrier, flight, purpose,
                occurred_at, recorded_at, anomalies, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7,
                TIMESTAMPTZ 'epoch' + $8::bigint * INTERVAL '1 microsecond',
                TIMESTAMPTZ 'epoch' + $9::bigint * INTERVAL '1 microsecond', $10::text[], $11::bigint)
            """,
            [
                String(event.position), event.stream, crossing.direction.rawValue, crossing.port, crossing.carrier,
                crossing.flight, crossing.purpose?.rawValue, String(event.occurredAt.microseconds),
                String(event.recordedAt.microseconds), PostgresArray.literal(crossing.anomalies.map(\.rawValue)),
                String(event.version),
            ],
            context: "insert crossing")
    }

    /// Presence follows the crossing that occurred last, so a late-recorded earlier crossing does
    /// not flip it; anomalies are the union over the traveller's crossings.
    private func refreshPresence(stream: String, position: Int64, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE \(schema).travellers SET
                last_position = $2,
                in_country = coalesce((
                    SELECT direction = 'arrival' FROM \(schema).crossings WHERE stream = $1 AND NOT voided
                    ORDER BY occurred_at DESC, position DESC LIMIT 1), FALSE),
                anomalies = coalesce((
                    SELECT array_agg(DISTINCT anomaly ORDER BY anomaly)
                    FROM \(schema).crossings, unnest(anomalies) AS anomaly WHERE stream = $1 AND NOT voided), '{}'),
                authorised_until = (
                    SELECT max(valid_until) FROM (
                        SELECT valid_until FROM \(schema).permits WHERE stream = $1 AND NOT cancelled
                        UNION ALL
                        SELECT valid_until FROM \(schema).accreditations WHERE stream = $1 AND NOT revoked
                    ) AS limits
                    WHERE valid_until >= (
                        SELECT (occurred_at AT TIME ZONE 'UTC')::date FROM \(schema).crossings
                        WHERE stream = $1 AND direction = 'arrival' AND NOT voided
                        ORDER BY occurred_at DESC, position DESC LIMIT 1))
            WHERE stream = $1
            """,
            [stream, String(position)], context: "refresh presence")
    }
}
