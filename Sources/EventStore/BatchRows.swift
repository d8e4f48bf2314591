import JSON
import Postgres

/// Columns of the events a batch appends, as array literals for one INSERT ... FROM unnest(...).
struct EventRows {
    private(set) var count = 0
    private var positions = PostgresArrayBuilder()
    private var streams = PostgresArrayBuilder()
    private var versions = PostgresArrayBuilder()
    private var types = PostgresArrayBuilder()
    private var schemaVersions = PostgresArrayBuilder()
    private var data = PostgresArrayBuilder(capacity: 4096)
    private var metadata = PostgresArrayBuilder(capacity: 1024)
    private var occurredAt = PostgresArrayBuilder()
    private var recordedAt = PostgresArrayBuilder()
    private var commandIDs = PostgresArrayBuilder()
    private var hashes = PostgresArrayBuilder()

    mutating func add(_ event: RecordedEvent, hash: [UInt8]) {
        count += 1
        positions.append(event.position)
        streams.append(event.stream)
        versions.append(event.version)
        types.append(event.type)
        schemaVersions.append(Int64(event.schemaVersion))
        data.append(event.dataText)
        metadata.append(event.metadataText)
        occurredAt.append(event.occurredAt.microseconds)
        recordedAt.append(event.recordedAt.microseconds)
        commandIDs.append(event.commandID)
        hashes.append(Hex.encode(hash))
    }

    /// Parameters $1 to $11.
    static let insertSQL = """
        INSERT INTO events (position, stream, version, type, schema_version, data, metadata,
            occurred_at, recorded_at, command_id, hash)
        SELECT p, s, v, t, sv, d::json, m::json,
            TIMESTAMPTZ 'epoch' + o * INTERVAL '1 microsecond',
            TIMESTAMPTZ 'epoch' + r * INTERVAL '1 microsecond', c, decode(h, 'hex')
        FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::text[],
            $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::text[])
            AS batch (p, s, v, t, sv, d, m, o, r, c, h)
        ORDER BY p
        """

    var parameters: [String?] {
        [
            positions.literal, streams.literal, versions.literal, types.literal, schemaVersions.literal,
            data.literal, metadata.literal, occurredAt.literal, recordedAt.literal, commandIDs.literal,
            hashes.literal,
        ]
    }
}

/// Columns of the commands a batch accepts.
struct CommandRows {
    private var ids = PostgresArrayBuilder()
    private var hashes = PostgresArrayBuilder()
    private var streams = PostgresArrayBuilder()
    private var firstPositions = PostgresArrayBuilder()
    private var lastPositions = PostgresArrayBuilder()
    private var outcomes = PostgresArrayBuilder()

    mutating func add(_ command: CommandKey, result: AppendResult) {
        ids.append(command.id)
        hashes.append(Hex.encode(command.requestHash))
        streams.append(result.stream)
        firstPositions.append(result.firstPosition)
        lastPositions.append(result.lastPosition)
        let outcome: [String: JSON] = ["version": .int(result.streamVersion), "answer": command.answer]
        outcomes.append(JSON.object(outcome).serializedString())
    }

    /// Parameters $12 to $17 (it follows the events' INSERT in one statement).
    static let insertSQL = """
        INSERT INTO commands (id, request_hash, stream, first_position, last_position, outcome)
        SELECT i, decode(h, 'hex'), s, f, l, o::json
        FROM unnest($12::text[], $13::text[], $14::text[], $15::bigint[], $16::bigint[], $17::text[])
            AS batch (i, h, s, f, l, o)
        """

    var parameters: [String?] {
        [
            ids.literal, hashes.literal, streams.literal, firstPositions.literal, lastPositions.literal,
            outcomes.literal,
        ]
    }
}
