import BorderTime
import JSON
import Postgres

/// One append transaction in progress: holds the log's head lock, assigns positions and chain
/// hashes, and checks stream versions and idempotency keys.
struct Appender {
    let connection: PostgresConnection
    private(set) var position: Int64
    private(set) var hash: [UInt8]
    let recordedAt: Timestamp

    /// Takes the append lock (the `log_head` row) and reads the head of the log.
    init(connection: PostgresConnection) throws {
        self.connection = connection
        let rows = try connection.query(
            """
            SELECT position, hash, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
            FROM log_head FOR UPDATE
            """,
            context: "lock log head")
        guard let head = rows.first else {
            throw EventStoreError(.corrupt, "the log has no head row; run `border migrate`")
        }
        position = try head.int64(0)
        hash = try head.bytes(1)
        recordedAt = Timestamp(microseconds: try head.int64(2))
    }

    mutating func append(_ request: AppendRequest) throws -> AppendResult {
        if let command = request.command, let earlier = try earlierOutcome(of: command) {
            return earlier
        }
        let actual = try streamVersion(request.stream)
        guard request.expected.admits(actual) else {
            throw EventStoreError.conflict(stream: request.stream, expected: request.expected, actual: actual)
        }
        let first = position + 1
        var version = actual
        for event in request.events {
            version += 1
            try insert(event, stream: request.stream, version: version, commandID: request.command?.id)
        }
        let result = AppendResult(
            stream: request.stream, firstPosition: first, lastPosition: position, streamVersion: version,
            replayed: false, answer: request.command?.answer ?? [:])
        if let command = request.command {
            try record(command, result: result)
        }
        return result
    }

    /// Moves the head and queues the notification; both take effect at commit.
    func finish() throws {
        try connection.query(
            "UPDATE log_head SET position = $1, hash = $2", [String(position), Hex.bytea(hash)],
            context: "move log head")
        try connection.query(
            "SELECT pg_notify($1, $2)", [EventStore.channel, String(position)], context: "notify")
    }

    private func streamVersion(_ stream: String) throws -> Int64 {
        let rows = try connection.query(
            "SELECT coalesce(max(version), 0) FROM events WHERE stream = $1", [stream], context: "read stream version")
        return try rows[0].int64(0)
    }

    private mutating func insert(_ event: NewEvent, stream: String, version: Int64, commandID: String?) throws {
        let recorded = RecordedEvent(
            position: position + 1, stream: stream, version: version, type: event.type,
            schemaVersion: event.schemaVersion, dataText: event.data.serializedString(),
            metadataText: event.metadata.serializedString(), occurredAt: event.occurredAt,
            recordedAt: recordedAt, commandID: commandID, hash: [])
        let chained = ChainHash.next(after: hash, event: recorded)
        try connection.query(
            """
            INSERT INTO events (position, stream, version, type, schema_version, data, metadata,
                occurred_at, recorded_at, command_id, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7,
                TIMESTAMPTZ 'epoch' + $8::bigint * INTERVAL '1 microsecond',
                TIMESTAMPTZ 'epoch' + $9::bigint * INTERVAL '1 microsecond', $10, $11)
            """,
            [
                String(recorded.position), stream, String(version), event.type, String(event.schemaVersion),
                recorded.dataText, recorded.metadataText, String(event.occurredAt.microseconds),
                String(recordedAt.microseconds), commandID, Hex.bytea(chained),
            ],
            context: "insert event")
        position = recorded.position
        hash = chained
    }

    private func earlierOutcome(of command: CommandKey) throws -> AppendResult? {
        let rows = try connection.query(
            "SELECT request_hash, stream, first_position, last_position, outcome FROM commands WHERE id = $1",
            [command.id], context: "read command")
        guard let row = rows.first else { return nil }
        guard try row.bytes(0) == command.requestHash else {
            throw EventStoreError(
                .idempotencyKeyReused, "idempotency key \(command.id) was used before for a different request")
        }
        let outcome = try JSON.parse(Array(try row.string(4).utf8))
        return AppendResult(
            stream: try row.string(1), firstPosition: try row.int64(2), lastPosition: try row.int64(3),
            streamVersion: outcome["version"]?.intValue ?? 0, replayed: true, answer: outcome["answer"] ?? [:])
    }

    private func record(_ command: CommandKey, result: AppendResult) throws {
        let outcome: JSON = ["version": .int(result.streamVersion), "answer": command.answer]
        try connection.query(
            """
            INSERT INTO commands (id, request_hash, stream, first_position, last_position, outcome)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [
                command.id, Hex.bytea(command.requestHash), result.stream, String(result.firstPosition),
                String(result.lastPosition), outcome.serializedString(),
            ],
            context: "record command")
    }
}
