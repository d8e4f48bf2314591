import BorderTime
import JSON
import Postgres

/// One append transaction for a batch of requests: takes the log's head lock, reads the stream
/// versions and earlier commands of the whole batch in two queries, decides each request's
/// outcome in memory, and writes every accepted event with one multi-row INSERT.
///
/// Each request keeps its own outcome: a stale expected version fails that request alone.
struct BatchAppender {
    let connection: PostgresConnection
    private(set) var position: Int64
    private(set) var hash: [UInt8]
    let recordedAt: Timestamp
    private var versions: [String: Int64] = [:]
    private var earlier: [String: StoredCommand] = [:]
    private var rows = EventRows()
    private var commands = CommandRows()

    /// Begins the transaction, takes the append lock (the `log_head` row), reads the head of the
    /// log and the stream versions and earlier commands of the batch: one round trip.
    init(connection: PostgresConnection, lockTimeoutMilliseconds: Int, requests: [AppendRequest]) throws {
        self.connection = connection
        let streams = Array(Set(requests.map(\.stream)))
        let ids = requests.compactMap(\.command?.id)
        let results = try connection.pipeline(
            [
                .init("BEGIN"),
                .init("SET LOCAL lock_timeout = '\(lockTimeoutMilliseconds)ms'"),
                .init(
                    """
                    SELECT position, hash, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
                    FROM log_head FOR UPDATE
                    """),
                .init(
                    """
                    SELECT s, (SELECT max(version) FROM events WHERE stream = s)
                    FROM unnest($1::text[]) AS s
                    """, [PostgresArray.literal(streams)]),
                // Planned for each call: a plan cached while `commands` was small scanned the
                // whole table for every batch until the next ANALYZE.
                .init(
                    """
                    SELECT id, request_hash, stream, first_position, last_position, outcome
                    FROM commands WHERE id = ANY($1::text[])
                    """, [PostgresArray.literal(ids)], plannedEachCall: true),
            ], context: "lock log head")
        guard let head = results[2].first else {
            throw EventStoreError(.corrupt, "the log has no head row; run `border migrate`")
        }
        position = try head.int64(0)
        hash = try head.bytes(1)
        recordedAt = Timestamp(microseconds: try head.int64(2))
        for row in results[3] {
            versions[try row.string(0)] = try row.optionalInt64(1) ?? 0
        }
        for row in results[4] {
            let outcome = try JSON.parse(Array(try row.string(5).utf8))
            let result = AppendResult(
                stream: try row.string(2), firstPosition: try row.int64(3), lastPosition: try row.int64(4),
                streamVersion: outcome["version"]?.intValue ?? 0, replayed: true, answer: outcome["answer"] ?? [:])
            earlier[try row.string(0)] = StoredCommand(requestHash: try row.bytes(1), result: result)
        }
    }

    var appendedAnything: Bool { rows.count > 0 }

    /// Decides every request's outcome; the accepted ones are written by `finish()`.
    mutating func decide(_ requests: [AppendRequest]) -> [Result<AppendResult, EventStoreError>] {
        requests.map { request in Result { () throws(EventStoreError) in try decide(request) } }
    }

    private mutating func decide(_ request: AppendRequest) throws(EventStoreError) -> AppendResult {
        if let command = request.command, let stored = earlier[command.id] {
            guard stored.requestHash == command.requestHash else {
                throw EventStoreError(
                    .idempotencyKeyReused, "the idempotency key was used before for a different request")
            }
            return stored.result
        }
        let actual = versions[request.stream] ?? 0
        guard request.expected.admits(actual) else {
            throw EventStoreError.conflict(stream: request.stream, expected: request.expected, actual: actual)
        }
        let first = position + 1
        var version = actual
        for (event, printed) in zip(request.events, request.printed) {
            version += 1
            add(event, printed, stream: request.stream, version: version, commandID: request.command?.id)
        }
        versions[request.stream] = version
        let result = AppendResult(
            stream: request.stream, firstPosition: first, lastPosition: position, streamVersion: version,
            replayed: false, answer: request.command?.answer ?? [:])
        if let command = request.command {
            commands.add(command, result: result)
            var replay = result
            replay.replayed = true
            earlier[command.id] = StoredCommand(requestHash: command.requestHash, result: replay)
        }
        return result
    }

    private mutating func add(
        _ event: NewEvent, _ printed: PrintedEvent, stream: String, version: Int64, commandID: String?
    ) {
        let recorded = RecordedEvent(
            position: position + 1, stream: stream, version: version, type: event.type,
            schemaVersion: event.schemaVersion, dataText: printed.data, metadataText: printed.metadata,
            occurredAt: event.occurredAt,
            recordedAt: recordedAt, commandID: commandID, hash: [])
        hash = ChainHash.next(after: hash, event: recorded)
        position = recorded.position
        rows.add(recorded, hash: hash)
    }

    /// Writes the accepted events and commands, queues the notification and commits: one
    /// statement and COMMIT in one round trip. The database's own trigger checks the events'
    /// positions and hashes and moves the head.
    func writeAndCommit() throws {
        try connection.pipeline(
            [
                .init(
                    """
                    WITH appended AS (\(EventRows.insertSQL)),
                    commanded AS (\(CommandRows.insertSQL))
                    SELECT pg_notify($18, $19)
                    """,
                    binary: rows.parameters + commands.parameters
                        + [Array(EventStore.channel.utf8), Array(String(position).utf8)]),
                .init("COMMIT"),
            ], context: "write batch")
    }
}

/// A command accepted before, with the hash of its request and its outcome.
struct StoredCommand {
    var requestHash: [UInt8]
    var result: AppendResult
}
