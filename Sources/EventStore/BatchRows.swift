import JSON
import Postgres

/// Columns of the events a batch appends, written with one INSERT ... SELECT FROM unnest(...).
struct EventRows {
    var positions = [String]()
    var streams = [String]()
    var versions = [String]()
    var types = [String]()
    var schemaVersions = [String]()
    var data = [String]()
    var metadata = [String]()
    var occurredAt = [String]()
    var recordedAt = [String]()
    var commandIDs = [String?]()
    var hashes = [String]()

    mutating func add(_ event: RecordedEvent, hash: [UInt8]) {
        positions.append(String(event.position))
        streams.append(event.stream)
        versions.append(String(event.version))
        types.append(event.type)
        schemaVersions.append(String(event.schemaVersion))
        data.append(event.dataText)
        metadata.append(event.metadataText)
        occurredAt.append(String(event.occurredAt.microseconds))
        recordedAt.append(String(event.recordedAt.microseconds))
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
        """

    var parameters: [String?] {
        [
            PostgresArray.literal(positions), PostgresArray.literal(streams), PostgresArray.literal(versions),
            PostgresArray.literal(types), PostgresArray.literal(schemaVersions), PostgresArray.literal(data),
            PostgresArray.literal(metadata), PostgresArray.literal(occurredAt), PostgresArray.literal(recordedAt),
            PostgresArray.literal(commandIDs), PostgresArray.literal(hashes),
        ]
    }
}

/// Columns of the commands a batch accepts.
struct CommandRows {
    var ids = [String]()
    var hashes = [String]()
    var streams = [String]()
    var firstPositions = [String]()
    var lastPositions = [String]()
    var outcomes = [String]()

    mutating func add(_ command: CommandKey, result: AppendResult) {
        ids.append(command.id)
        hashes.append(Hex.encode(command.requestHash))
        streams.append(result.stream)
        firstPositions.append(String(result.firstPosition))
        lastPositions.append(String(result.lastPosition))
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
            PostgresArray.literal(ids), PostgresArray.literal(hashes), PostgresArray.literal(streams),
            PostgresArray.literal(firstPositions), PostgresArray.literal(lastPositions),
            PostgresArray.literal(outcomes),
        ]
    }
}
