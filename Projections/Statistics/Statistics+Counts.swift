import BorderTime
import Postgres

/// The bucket a crossing is counted in.
struct CrossingBucket: Hashable {
    var day: CivilDay
    var port: String
    var nationality: String
    var purpose: String
    var direction: String

    /// The first day of the bucket's month, the key of the monthly table.
    var month: CivilDay { CivilDay(year: day.year, month: day.month, day: 1) }
}

extension Statistics {
    /// Moves a crossing's count into (`delta` +1) or out of (-1) its daily and monthly buckets.
    func count(_ bucket: CrossingBucket, _ delta: Int64, on connection: PostgresConnection) throws {
        let dimensions = [
            ("port", bucket.port), ("nationality", bucket.nationality), ("purpose", bucket.purpose),
            ("direction", bucket.direction),
        ]
        try add(
            delta, to: "crossings_daily", counter: "crossings", key: [("day", bucket.day.description)] + dimensions,
            on: connection)
        try add(
            delta, to: "crossings_monthly", counter: "crossings",
            key: [("month", bucket.month.description)] + dimensions, on: connection)
    }

    /// Adds `delta` to the `counter` column of `table`'s row at `key`, making the row if it is
    /// missing and deleting it when it falls to zero.
    func add(
        _ delta: Int64, to table: String, counter: String, key: [(column: String, value: String)],
        on connection: PostgresConnection
    ) throws {
        let columns = key.map(\.column)
        let values = key.indices.map { "$\($0 + 1)" }
        try connection.query(
            """
            INSERT INTO \(schema).\(table) (\(columns.joined(separator: ", ")), \(counter))
            VALUES (\(values.joined(separator: ", ")), $\(key.count + 1)::bigint)
            ON CONFLICT (\(columns.joined(separator: ", ")))
            DO UPDATE SET \(counter) = \(table).\(counter) + excluded.\(counter)
            """, key.map(\.value) + [String(delta)], context: "count in \(table)")
        guard delta < 0 else { return }
        let matches = zip(columns, values).map { "\($0) = \($1)" }.joined(separator: " AND ")
        try connection.query(
            "DELETE FROM \(schema).\(table) WHERE \(matches) AND \(counter) = 0", key.map(\.value),
            context: "drop empty bucket in \(table)")
    }
}
