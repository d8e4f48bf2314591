import BorderTime
import Postgres

extension OfficerLookup {
    /// A cursor through the overstay watch's candidates: after the last of each kind seen.
    public struct CandidateCursor: Sendable {
        var overdue: (until: String, stream: String)?
        var resolved: String?

        public init() {}
    }

    /// The next streams, at most `limit` of each kind, the overstay watch should look at on
    /// `today`: in the country past their authorised day and not flagged; or flagged and since
    /// departed or authorised again. The watcher decides on each from the log itself; this only
    /// finds them without a scan. Each kind is read in a fixed order after `cursor`, so a pass
    /// reaches every candidate however many there are, while the projector moves those it has
    /// flagged out of the set. Returns the streams and the cursor after them, nil after the last.
    public func overstayCandidates(
        on today: CivilDay, after cursor: CandidateCursor = CandidateCursor(), limit: Int = 1000,
        on connection: PostgresConnection
    ) throws -> (streams: [String], next: CandidateCursor?) {
        let overdue = try connection.query(
            """
            SELECT t.authorised_until::text, t.stream FROM \(schema).travellers t
            LEFT JOIN \(schema).overstays o USING (stream)
            WHERE t.in_country AND t.authorised_until < $1::date AND NOT coalesce(o.flagged, FALSE)
                AND ($2::date IS NULL OR (t.authorised_until, t.stream) > ($2::date, $3::text))
            ORDER BY t.authorised_until, t.stream LIMIT $4
            """, [today.description, cursor.overdue?.until, cursor.overdue?.stream, String(limit)],
            context: "overstay candidates"
        ).map { (until: try $0.string(0), stream: try $0.string(1)) }
        let resolved = try connection.query(
            """
            SELECT o.stream FROM \(schema).overstays o JOIN \(schema).travellers t USING (stream)
            WHERE o.flagged AND (NOT t.in_country OR t.authorised_until >= $1::date)
                AND ($2::text IS NULL OR o.stream > $2)
            ORDER BY o.stream LIMIT $3
            """, [today.description, cursor.resolved, String(limit)], context: "overstay candidates"
        ).map { try $0.string(0) }
        var next = cursor
        next.overdue = overdue.last ?? cursor.overdue
        next.resolved = resolved.last ?? cursor.resolved
        let more = overdue.count == limit || resolved.count == limit
        return (overdue.map(\.stream) + resolved, more ? next : nil)
    }
}
