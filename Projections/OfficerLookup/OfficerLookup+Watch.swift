import BorderTime
import Postgres

extension OfficerLookup {
    /// The streams the overstay watch should look at on `today`: in the country past their
    /// authorised day and not flagged; or flagged and since departed or authorised again. The
    /// watcher decides on each from the log itself; this only finds them without a scan.
    public func overstayCandidates(on today: CivilDay, limit: Int = 1000, on connection: PostgresConnection) throws
        -> [String]
    {
        try connection.query(
            """
            (SELECT t.stream FROM \(schema).travellers t LEFT JOIN \(schema).overstays o USING (stream)
             WHERE t.in_country AND t.authorised_until < $1::date AND NOT coalesce(o.flagged, FALSE)
             ORDER BY t.authorised_until, t.stream LIMIT $2)
            UNION
            (SELECT o.stream FROM \(schema).overstays o JOIN \(schema).travellers t USING (stream)
             WHERE o.flagged AND (NOT t.in_country OR t.authorised_until >= $1::date)
             ORDER BY o.stream LIMIT $2)
            """, [today.description, String(limit)], context: "overstay candidates"
        ).map { try $0.string(0) }
    }
}
