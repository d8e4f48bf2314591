import BorderDomain
import BorderTime
import EventStore
import Postgres

/// How accreditations, revocations and crossings change the delegates' rows.
extension Delegates {
    func accredit(_ accreditation: Accreditation, at: Timestamp, stream: String) -> PostgresConnection.Statement {
        .init(
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
            ])
    }

    func revoke(_ id: String, stream: String) -> PostgresConnection.Statement {
        .init(
            "UPDATE \(schema).delegates SET revoked = TRUE WHERE stream = $1 AND accreditation_id = $2", [stream, id])
    }

    /// Crossings, each kept once by its log position, as one statement.
    func record(_ run: DelegateCrossings) -> PostgresConnection.Statement {
        .init(
            """
            INSERT INTO \(schema).crossings (position, stream, version, direction, port, carrier, flight,
                occurred_at, day, anomalies)
            SELECT p, s, v, d, po, ca, f, TIMESTAMPTZ 'epoch' + o * INTERVAL '1 microsecond', day::date, a::text[]
            FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::bigint[], $9::text[], $10::text[]) AS c(p, s, v, d, po, ca, f, o, day, a)
            ON CONFLICT (position) DO NOTHING
            """, run.parameters)
    }

    /// The corrected fields of a crossing; its anomalies stay as they were recorded.
    func correct(_ correction: Correction, stream: String) -> PostgresConnection.Statement {
        .init(
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
            ])
    }

    func void(version: Int64, stream: String) -> PostgresConnection.Statement {
        .init(
            "UPDATE \(schema).crossings SET voided = TRUE WHERE stream = $1 AND version = $2",
            [stream, String(version)])
    }

    /// Works out the movements of the streams' delegates again from their crossings not voided in
    /// each accreditation's window: first arrival, last departure, the direction of the crossing
    /// that occurred last, and whether an arrival was marked `accreditationMismatch` by the domain.
    func refreshMovements(streams: [String]) -> PostgresConnection.Statement {
        .init(
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
            WHERE d.stream = ANY($1::text[])
            """, [PostgresArray.literal(streams), String(Self.windowDays)])
    }
}
