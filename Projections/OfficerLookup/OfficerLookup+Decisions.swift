import BorderDomain
import Postgres

/// How decisions change rows the officer lookup already holds: extended and cancelled permits,
/// revoked accreditations, the overstay flag, corrected and voided crossings.
extension OfficerLookupPage {
    /// The statement for a decision that changes existing rows; nil for one that changes none.
    func change(_ event: TravellerEvent, stream: String) -> PostgresConnection.Statement? {
        switch event {
        case .arrivalRecorded, .departureRecorded, .permitRefused, .permitGranted, .delegateAccredited: return nil
        case .permitExtended(let change, _):
            return .init(
                """
                UPDATE \(schema).permits SET valid_until = $3::date,
                    maximum_stay_days = coalesce($4::bigint, maximum_stay_days)
                WHERE stream = $1 AND id = $2
                """,
                [stream, change.permitId, change.validUntil.description, change.maximumStayDays.map { String($0) }])
        case .permitCancelled(let withdrawal, _):
            return .init(
                "UPDATE \(schema).permits SET cancelled = TRUE WHERE stream = $1 AND id = $2", [stream, withdrawal.id])
        case .accreditationRevoked(let withdrawal, _):
            return .init(
                "UPDATE \(schema).accreditations SET revoked = TRUE WHERE stream = $1 AND id = $2",
                [stream, withdrawal.id])
        case .overstayFlagged, .overstayCleared:
            let flagged = if case .overstayFlagged = event { "true" } else { "false" }
            return .init(
                """
                INSERT INTO \(schema).overstays (stream, flagged) VALUES ($1, $2::boolean)
                ON CONFLICT (stream) DO UPDATE SET flagged = excluded.flagged
                """, [stream, flagged])
        case .crossingCorrected(let correction, _): return correct(correction, stream: stream)
        case .crossingVoided(let target, _, _):
            return .init(
                "UPDATE \(schema).crossings SET voided = TRUE WHERE stream = $1 AND version = $2",
                [stream, String(target)])
        }
    }

    private func correct(_ correction: Correction, stream: String) -> PostgresConnection.Statement {
        .init(
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
            ])
    }
}
