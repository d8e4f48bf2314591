import CLibPQ

/// A query result kept in libpq's memory, for readers of many rows that copy out only what they
/// need (the audit's chain verification). Freed when the last reference goes; may be handed to
/// another thread, but is read by one thread at a time.
public final class PostgresResult: @unchecked Sendable {
    private let result: OpaquePointer
    public let rowCount: Int

    init(_ result: OpaquePointer) {
        self.result = result
        self.rowCount = Int(PQntuples(result))
    }

    deinit { PQclear(result) }

    public func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    /// The value's bytes, in the format the result was asked for (text or binary); valid while
    /// this result lives.
    public func bytes(row: Int, column: Int) -> UnsafeRawBufferPointer {
        let value = PQgetvalue(result, Int32(row), Int32(column))
        let length = PQgetlength(result, Int32(row), Int32(column))
        return UnsafeRawBufferPointer(start: value, count: Int(length))
    }
}

extension PostgresResult {
    /// Microseconds between 1970-01-01 and PostgreSQL's binary epoch, 2000-01-01 (UTC).
    public static let postgresEpochMicroseconds: Int64 = 946_684_800_000_000

    /// A binary-format `bigint` (or `integer`, `timestamptz`): a big-endian signed integer.
    public func binaryInteger(row: Int, column: Int) -> Int64? {
        let raw = bytes(row: row, column: column)
        guard raw.count == 8 || raw.count == 4 else { return nil }
        var value: Int64 = raw.count == 8 ? 0 : (raw[0] & 0x80 != 0 ? -1 : 0)
        for byte in raw { value = value << 8 | Int64(byte) }
        return value
    }

    /// A binary-format `timestamptz` as microseconds since 1970-01-01T00:00:00Z.
    public func binaryTimestamp(row: Int, column: Int) -> Int64? {
        binaryInteger(row: row, column: column).map { $0 + Self.postgresEpochMicroseconds }
    }
}

extension PostgresConnection {
    /// Runs a prepared statement and keeps its result in libpq's memory. With `binary`, every
    /// column comes in PostgreSQL's binary format (text stays UTF-8, bytea comes raw, integers
    /// and timestamps big-endian), which spares both sides the text conversions.
    public func result(
        _ sql: String, _ parameters: [String?] = [], binary: Bool = false, context: String = "query"
    ) throws(PostgresError) -> PostgresResult {
        try withPreparedResult(sql, parameters, binary: binary, context: context)
    }
}
