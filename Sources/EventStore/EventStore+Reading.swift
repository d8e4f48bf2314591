import BorderTime
import Postgres

extension EventStore {
    /// Read in binary format: integers and timestamps as big-endian integers, text as UTF-8,
    /// the hash as raw bytes; nothing is converted to text and back on either side.
    static let selectColumns = """
        SELECT position, stream, version, type, schema_version, data, metadata, occurred_at, recorded_at,
            command_id, hash
        FROM events
        """

    /// Events after `position` in position order, at most `limit`.
    public func read(after position: Int64, limit: Int, on connection: PostgresConnection)
        throws(EventStoreError) -> [RecordedEvent]
    {
        try fetch(
            Self.selectColumns + " WHERE position > $1 ORDER BY position LIMIT $2",
            [String(position), String(limit)], on: connection)
    }

    /// The events of `stream` after `version` (all of them by default), in version order.
    public func read(stream: String, afterVersion version: Int64 = 0, on connection: PostgresConnection)
        throws(EventStoreError) -> [RecordedEvent]
    {
        try fetch(
            Self.selectColumns + " WHERE stream = $1 AND version > $2 ORDER BY version", [stream, String(version)],
            on: connection)
    }

    /// The last position and chain hash (position 0 and the genesis hash for an empty log).
    public func head(on connection: PostgresConnection) throws(EventStoreError) -> (position: Int64, hash: [UInt8]) {
        do {
            let rows = try connection.query("SELECT position, hash FROM log_head", context: "read log head")
            guard let row = rows.first else { throw EventStoreError(.corrupt, "the log has no head row") }
            return (try row.int64(0), try row.bytes(1))
        } catch {
            throw EventStoreError.wrapping(error, context: "read log head")
        }
    }

    private func fetch(_ sql: String, _ parameters: [String?], on connection: PostgresConnection)
        throws(EventStoreError) -> [RecordedEvent]
    {
        do {
            let result = try connection.result(sql, parameters, binary: true, context: "read events")
            return try (0..<result.rowCount).map { try Self.event(from: result, row: $0) }
        } catch {
            throw EventStoreError.wrapping(error, context: "read events")
        }
    }

    /// The columns an event is read with, in the order `event(from:row:offset:)` decodes them,
    /// for a query that reads events with columns of its own (`e` is the events table's alias).
    public static let eventColumns = """
        e.position, e.stream, e.version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at,
        e.recorded_at, e.command_id, e.hash
        """

    /// The event in `row` of a binary-format result of `eventColumns`, starting at column `offset`.
    public static func event(from result: PostgresResult, row: Int, offset: Int = 0) throws -> RecordedEvent {
        func text(_ column: Int) -> String {
            String(decoding: result.bytes(row: row, column: offset + column), as: UTF8.self)
        }
        func integer(_ column: Int) throws -> Int64 {
            guard let value = result.binaryInteger(row: row, column: offset + column) else {
                throw EventStoreError(.corrupt, "a stored event has an unreadable column \(column)")
            }
            return value
        }
        func time(_ column: Int) throws -> Timestamp {
            Timestamp(microseconds: try integer(column) + PostgresResult.postgresEpochMicroseconds)
        }
        return RecordedEvent(
            position: try integer(0), stream: text(1), version: try integer(2), type: text(3),
            schemaVersion: Int32(try integer(4)), data: StoredText(in: result, row: row, column: offset + 5),
            metadata: StoredText(in: result, row: row, column: offset + 6), occurredAt: try time(7),
            recordedAt: try time(8), commandID: result.isNull(row: row, column: offset + 9) ? nil : text(9),
            hash: Array(result.bytes(row: row, column: offset + 10)))
    }
}

extension EventStore {
    /// The last position the store had accepted by `time` (recorded time): the log as the system
    /// knew it then. 0 when nothing had been recorded.
    public func lastPosition(recordedBy time: Timestamp, on connection: PostgresConnection) throws(EventStoreError)
        -> Int64
    {
        do {
            let rows = try connection.query(
                """
                SELECT coalesce(max(position), 0) FROM events
                WHERE recorded_at <= TIMESTAMPTZ 'epoch' + $1::bigint * INTERVAL '1 microsecond'
                """, [String(time.microseconds)], context: "find position by recorded time")
            return try rows[0].int64(0)
        } catch {
            throw EventStoreError.wrapping(error, context: "find position by recorded time")
        }
    }
}
