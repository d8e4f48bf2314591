import BorderDomain
import EventStore
import Postgres

/// How decisions on a record change the officer lookup: corrected and voided crossings,
/// permits, accreditations and the overstay flag.
extension OfficerLookup {
    func applyDecision(_ event: TravellerEvent, recorded: RecordedEvent, on connection: PostgresConnection) throws {
        let stream = recorded.stream
        switch event {
        case .arrivalRecorded, .departureRecorded, .permitRefused: return
        case .permitGranted(let permit, _): try insertPermit(permit, stream: stream, on: connection)
        case .permitExtended(let change, _):
            try connection.query(
                """
                UPDATE \(schema).permits SET valid_until = $3::date,
                    maximum_stay_days = coalesce($4::bigint, maximum_stay_days)
                WHERE stream = $1 AND id = $2
                """,
                [stream, change.permitId, change.validUntil.description, change.maximumStayDays.map { String($0) }],
                context: "extend permit")
        case .permitCancelled(let withdrawal, _):
            try connection.query(
                "UPDATE \(schema).permits SET cancelled = TRUE WHERE stream = $1 AND id = $2",
                [stream, withdrawal.id], context: "cancel permit")
        case .delegateAccredited(let accreditation, _): try insertAccreditation(accreditation, stream, connection)
        case .accreditationRevoked(let withdrawal, _):
            try connection.query(
                "UPDATE \(schema).accreditations SET revoked = TRUE WHERE stream = $1 AND id = $2",
                [stream, withdrawal.id], context: "revoke accreditation")
        case .overstayFlagged, .overstayCleared:
            let flagged = if case .overstayFlagged = event { "true" } else { "false" }
            try connection.query(
                """
                INSERT INTO \(schema).overstays (stream, flagged) VALUES ($1, $2::boolean)
                ON CONFLICT (stream) DO UPDATE SET flagged = excluded.flagged
                """, [stream, flagged], context: "overstay flag")
        case .crossingCorrected(let correction, _): try correct(correction, stream: stream, on: connection)
        case .crossingVoided(let target, _, _):
            try connection.query(
                "UPDATE \(schema).crossings SET voided = TRUE WHERE stream = $1 AND version = $2",
                [stream, String(target)], context: "void crossing")
        }
    }

    private func insertPermit(_ permit: Permit, stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO \(schema).permits (stream, id, kind, category, valid_from, valid_until, maximum_stay_days,
                on_arrival)
            VALUES ($1, $2, $3, $4, $5::date, $6::date, $7::bigint, $8::boolean)
            """,
            [
                stream, permit.id, permit.kind.rawValue, permit.category, permit.validFrom.description,
                permit.validUntil.description, permit.maximumStayDays.map { String($0) }, String(permit.onArrival),
            ], context: "insert permit")
    }

    private func insertAccreditation(_ accreditation: Accreditation, _ stream: String, _ connection: PostgresConnection)
        throws
    {
        try connection.query(
            """
            INSERT INTO \(schema).accreditations (stream, id, summit, delegation, role, valid_from, valid_until)
            VALUES ($1, $2, $3, $4, $5, $6::date, $7::date)
            """,
            [
                stream, accreditation.id, accreditation.summit, accreditation.delegation, accreditation.role.rawValue,
                accreditation.validFrom.description, accreditation.validUntil.description,
            ], context: "insert accreditation")
    }

    private func correct(_ correction: Correction, stream: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE \(schema).crossings SET corrected = TRUE,
                occurred_at = coalesce(TIMESTAMPTZ 'epoch' + $3::bigint * INTERVAL '1 microsecond', occurred_at),
                port = coalesce($4, port), carrier = coalesce($5, carrier), flight = coalesce($6, flight),
                purpose = coalesce($7, purpose)
            WHERE stream = $1 AND version = $2
            """,
            [
                stream, String(correction.target), correction.occurredAt.map { String($0.microseconds) },
                correction.port, correction.carrier, correction.flight, correction.purpose?.rawValue,
            ], context: "correct crossing")
    }
}
