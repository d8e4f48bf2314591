import BorderDomain
import BorderTime
import EventStore
import Postgres

/// How accreditations, revocations and crossings change the delegates' rows.
extension Delegates {
    func accredit(_ accreditation: Accreditation, at: Timestamp, stream: String, on connection: PostgresConnection)
        throws
    {
        try connection.query(
            """
            INSERT INTO \(schema).delegates (stream, accreditation_id, summit, delegation, role, valid_from,
                valid_until, holder, accredited_at)
            VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8::jsonb,
                TIMESTAMPTZ 'epoch' + $9::bigint * INTERVAL '1 microsecond')
            ON CONFLICT (stream, accreditation_id) DO NOTHING
            """,
            [
                stream, accreditation.id, accreditation.summit, accreditation.delegation,
                accreditation.role.rawValue, accreditation.validFrom.description,
                accreditation.validUntil.description, accreditation.json["holder"]?.serializedString(),
                String(at.microseconds),
            ], context: "insert delegate")
    }

    func revoke(_ id: String, stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            "UPDATE \(schema).delegates SET revoked = TRUE WHERE stream = $1 AND accreditation_id = $2",
            [stream, id], context: "revoke delegate")
    }

    func record(_ crossing: Crossing, at event: RecordedEvent, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO \(schema).crossings (position, stream, version, direction, port, carrier, flight,
                occurred_at, day, anomalies)
            VALUES ($1, $2, $3, $4, $5, $6, $7, TIMESTAMPTZ 'epoch' + $8::bigint * INTERVAL '1 microsecond',
                $9::date, $10::text[])
            ON CONFLICT (position) DO NOTHING
            """,
            [
                String(event.position), event.stream, String(event.version), crossing.direction.rawValue,
                crossing.port, crossing.carrier, crossing.flight, String(crossing.occurredAt.microseconds),
                crossing.occurredAt.civilDay.description,
                PostgresArray.literal(crossing.anomalies.map(\.rawValue)),
            ], context: "insert delegate crossing")
    }

    /// The corrected fields of a crossing; its anomalies stay as they were recorded.
    func correct(_ correction: Correction, stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE \(schema).crossings SET
                occurred_at = coalesce(TIMESTAMPTZ 'epoch' + $3::bigint * INTERVAL '1 microsecond', occurred_at),
                day = coalesce($4::date, day), port = coalesce($5, port), carrier = coalesce($6, carrier),
                flight = coalesce($7, flight), corrected = TRUE
            WHERE stream = $1 AND version = $2
            """,
            [
                stream, String(correction.target), correction.occurredAt.map { String($0.microseconds) },
                correction.occurredAt?.civilDay.description, correction.port, correction.carrier,
                correction.flight,
            ], context: "correct delegate crossing")
    }

    func void(version: Int64, stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            "UPDATE \(schema).crossings SET voided = TRUE WHERE stream = $1 AND version = $2",
            [stream, String(version)], context: "void delegate crossing")
    }

    /// Works out the movements of the stream's delegates again from its crossings not voided in
    /// each accreditation's window: first arrival, last departure, the direction of the crossing
    /// that occurred last, and whether an arrival was marked `accreditationMismatch` by the domain.
    func refreshMovements(stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE \(schema).delegates AS d
            SET (first_arrival_at, last_departure_at, last_direction, mismatch) = (
                SELECT min(occurred_at) FILTER (WHERE direction = 'arrival'),
                    max(occurred_at) FILTER (WHERE direction = 'departure'),
                    (array_agg(direction ORDER BY occurred_at DESC, position DESC))[1],
                    coalesce(bool_or(direction = 'arrival' AND 'accreditationMismatch' = ANY (anomalies)), FALSE)
                FROM \(schema).crossings AS c
                WHERE c.stream = d.stream AND NOT c.voided
                    AND c.day BETWEEN d.valid_from - $2::integer AND d.valid_until + $2::integer
            )
            WHERE d.stream = $1
            """, [stream, String(Self.windowDays)], context: "refresh delegate movements")
    }
}
