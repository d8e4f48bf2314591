import BorderTime
import Postgres

extension EventStore {
    static let selectColumns = """
        SELECT position, stream, version, type, schema_version, data, metadata,
            (extract(epoch FROM occurred_at) * 1000000)::bigint,
            (extract(epoch FROM recorded_at) * 1000000)::bigint,
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
            return try connection.query(sql, parameters, context: "read events").map(Self.event(from:))
        } catch {
            throw EventStoreError.wrapping(error, context: "read events")
        }
    }

    static func event(from row: PostgresRow) throws -> RecordedEvent {
        RecordedEvent(
            position: try row.int64(0), stream: try row.string(1), version: try row.int64(2),
            type: try row.string(3), schemaVersion: Int32(try row.int64(4)), dataText: try row.string(5),
            metadataText: try row.string(6), occurredAt: Timestamp(microseconds: try row.int64(7)),
            recordedAt: Timestamp(microseconds: try row.int64(8)), commandID: row[9], hash: try row.bytes(10))
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
