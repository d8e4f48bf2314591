import BorderDomain
import Postgres

/// How visa and permit decisions and overstay flags change the counts.
extension Statistics {
    func countDecision(_ event: TravellerEvent, traveller: Int64, on connection: PostgresConnection) throws {
        let day = event.occurredAt.civilDay.description
        let counted: (kind: String, category: String, decision: String)?
        switch event {
        case .permitGranted(let permit, _):
            try connection.query(
                "INSERT INTO \(schema).permits (traveller, id, kind, category) VALUES ($1, $2, $3, $4)",
                [String(traveller), permit.id, permit.kind.rawValue, permit.category], context: "insert permit")
            counted = (permit.kind.rawValue, permit.category, "granted")
        case .permitRefused(let refusal, _): counted = (refusal.kind.rawValue, refusal.category, "refused")
        case .permitExtended(let change, _):
            counted = try permit(change.permitId, of: traveller, on: connection).map { ($0, $1, "extended") }
        case .permitCancelled(let withdrawal, _):
            counted = try permit(withdrawal.id, of: traveller, on: connection).map { ($0, $1, "cancelled") }
        default: counted = nil
        }
        guard let counted else { return }
        try add(
            1, to: "permit_decisions_daily", counter: "decisions",
            key: [
                ("day", day), ("kind", counted.kind), ("category", counted.category), ("decision", counted.decision),
            ],
            on: connection)
    }

    private func permit(_ id: String, of traveller: Int64, on connection: PostgresConnection) throws
        -> (String, String)?
    {
        let rows = try connection.query(
            "SELECT kind, category FROM \(schema).permits WHERE traveller = $1 AND id = $2", [String(traveller), id],
            context: "read permit")
        guard let row = rows.first else { return nil }
        return (try row.string(0), try row.string(1))
    }

    /// An overstay flag stands from `OverstayFlagged` until `OverstayCleared`.
    func flagOverstay(_ flagged: Bool, traveller: Int64, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO \(schema).travellers (traveller, overstay_flagged) VALUES ($1, $2::boolean)
            ON CONFLICT (traveller) DO UPDATE SET overstay_flagged = excluded.overstay_flagged
            """, [String(traveller), String(flagged)], context: "overstay flag")
    }
}
