import BorderTime
import JSON
import Postgres

/// The figures statisticians ask for. Every range is of occurred days (the date at the desk,
/// UTC), both ends included; dimensions come out in the order asked, rows ordered by them.
extension Statistics {
    public static let crossingDimensions = ["day", "month", "port", "nationality", "purpose", "direction"]
    public static let permitDimensions = ["day", "month", "kind", "category", "decision"]
    public static let lateDepartureDimensions = ["day", "month", "port", "nationality"]

    /// Arrivals and departures not voided, as corrected: the `groupBy` columns, then `crossings`.
    /// A range of whole months without `day` is read from the monthly counts.
    public func crossings(from: CivilDay, to: CivilDay, groupBy: [String], on connection: PostgresConnection)
        throws -> StatisticsReport
    {
        let query = try StatisticsQuery(from: from, to: to, groupBy: groupBy, known: Self.crossingDimensions)
        let monthly = query.isWholeMonths && !groupBy.contains("day")
        return try report(
            query, table: monthly ? "crossings_monthly" : "crossings_daily", period: monthly ? "month" : "day",
            count: ("crossings", "sum(crossings)"), on: connection)
    }

    /// Visa and permit decisions (`granted`, `refused`, `extended`, `cancelled`) by the day they
    /// occurred: the `groupBy` columns, then `decisions`.
    public func permits(from: CivilDay, to: CivilDay, groupBy: [String], on connection: PostgresConnection)
        throws -> StatisticsReport
    {
        let query = try StatisticsQuery(from: from, to: to, groupBy: groupBy, known: Self.permitDimensions)
        return try report(
            query, table: "permit_decisions_daily", period: "day", count: ("decisions", "sum(decisions)"),
            on: connection)
    }

    /// Departures marked `overstayed` when recorded (after every permit had run out, or while an
    /// overstay flag stood), not voided: the `groupBy` columns, then `departures`.
    public func lateDepartures(from: CivilDay, to: CivilDay, groupBy: [String], on connection: PostgresConnection)
        throws -> StatisticsReport
    {
        let query = try StatisticsQuery(from: from, to: to, groupBy: groupBy, known: Self.lateDepartureDimensions)
        return try report(
            query, table: "crossings", period: "day", filter: "overstayed AND NOT voided",
            count: ("departures", "count(*)"), on: connection)
    }

    /// Travellers in the country now (by the crossing that occurred last) with an overstay flag
    /// that no `OverstayCleared` has lifted, by nationality: `nationality`, `travellers`.
    public func overstaysInCountry(on connection: PostgresConnection) throws -> StatisticsReport {
        let rows = try connection.query(
            """
            SELECT coalesce(nationality, ''), count(*) FROM \(schema).travellers
            WHERE in_country AND overstay_flagged GROUP BY 1 ORDER BY 1
            """, context: "count overstays in country")
        return StatisticsReport(
            columns: ["nationality", "travellers"],
            rows: try rows.map { [.string(try $0.string(0)), .int(try $0.int64(1))] })
    }

    /// Both overstay figures in one answer: `{"inCountry": {"travellers": n, "byNationality":
    /// [...]}, "departedLate": [{"month": "2024-10", "departures": n}, ...]}`.
    public func overstays(from: CivilDay, to: CivilDay, on connection: PostgresConnection) throws -> JSON {
        let inCountry = try overstaysInCountry(on: connection)
        let late = try lateDepartures(from: from, to: to, groupBy: ["month"], on: connection)
        let total = inCountry.rows.compactMap { $0.last?.intValue }.reduce(0, +)
        return [
            "inCountry": ["travellers": .int(total), "byNationality": .array(inCountry.json)],
            "departedLate": .array(late.json),
        ]
    }

    /// Sums `count` over `table`'s rows whose `period` lies in the range, grouped by the query's
    /// dimensions (known names only, so they are safe to write into the SQL).
    private func report(
        _ query: StatisticsQuery, table: String, period: String, filter: String = "TRUE",
        count: (name: String, sql: String), on connection: PostgresConnection
    ) throws -> StatisticsReport {
        let dimensions = query.groupBy.map { name in
            switch name {
            case "day": "\(period)::text"
            case "month": "to_char(\(period), 'YYYY-MM')"
            default: name
            }
        }
        let ordinals = dimensions.indices.map { String($0 + 1) }.joined(separator: ", ")
        let rows = try connection.query(
            """
            SELECT \((dimensions + ["coalesce(\(count.sql), 0)::bigint"]).joined(separator: ", "))
            FROM \(schema).\(table)
            WHERE \(period) BETWEEN $1::date AND $2::date AND \(filter)
            \(dimensions.isEmpty ? "" : "GROUP BY \(ordinals) ORDER BY \(ordinals)")
            """, [query.from.description, query.to.description], context: "statistics from \(table)")
        return StatisticsReport(
            columns: query.groupBy + [count.name],
            rows: try rows.map { row in
                try dimensions.indices.map { JSON.string(try row.string($0)) } + [.int(try row.int64(dimensions.count))]
            })
    }
}
