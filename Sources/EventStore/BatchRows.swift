import JSON
import Postgres

/// Columns of the events a batch appends, as binary arrays for one INSERT ... FROM unnest(...):
/// nothing is escaped, hex-encoded or parsed as text on either side.
struct EventRows {
    private(set) var count = 0
    private var positions = PostgresBinaryArray(of: .int8)
    private var streams = PostgresBinaryArray(of: .text)
    private var versions = PostgresBinaryArray(of: .int8)
    private var types = PostgresBinaryArray(of: .text)
    private var schemaVersions = PostgresBinaryArray(of: .int4)
    private var data = PostgresBinaryArray(of: .text, capacity: 4096)
    private var metadata = PostgresBinaryArray(of: .text, capacity: 1024)
    private var occurredAt = PostgresBinaryArray(of: .timestamptz)
    private var recordedAt = PostgresBinaryArray(of: .timestamptz)
    private var commandIDs = PostgresBinaryArray(of: .text)
    private var hashes = PostgresBinaryArray(of: .bytea, capacity: 1024)

    mutating func add(_ event: RecordedEvent, hash: [UInt8]) {
        count += 1
        positions.append(event.position)
        streams.append(event.stream)
        versions.append(event.version)
        types.append(event.type)
        schemaVersions.append(event.schemaVersion)
        data.append(event.dataText)
        metadata.append(event.metadataText)
        occurredAt.append(event.occurredAt.microseconds - PostgresResult.postgresEpochMicroseconds)
        recordedAt.append(event.recordedAt.microseconds - PostgresResult.postgresEpochMicroseconds)
        commandIDs.append(event.commandID)
        hashes.append(bytes: hash)
    }

    /// Parameters $1 to $11.
    static let insertSQL = """
        INSERT INTO events (position, stream, version, type, schema_version, data, metadata,
            occurred_at, recorded_at, command_id, hash)
        SELECT p, s, v, t, sv, d::json, m::json, o, r, c, h
        FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::text[],
            $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::bytea[])
            AS batch (p, s, v, t, sv, d, m, o, r, c, h)
        ORDER BY p
        """

    var parameters: [[UInt8]?] {
        [
            positions.bytes, streams.bytes, versions.bytes, types.bytes, schemaVersions.bytes, data.bytes,
            metadata.bytes, occurredAt.bytes, recordedAt.bytes, commandIDs.bytes, hashes.bytes,
        ]
    }
}

/// Columns of the commands a batch accepts.
struct CommandRows {
    private var ids = PostgresBinaryArray(of: .text)
    private var hashes = PostgresBinaryArray(of: .bytea)
    private var streams = PostgresBinaryArray(of: .text)
    private var firstPositions = PostgresBinaryArray(of: .int8)
    private var lastPositions = PostgresBinaryArray(of: .int8)
    private var outcomes = PostgresBinaryArray(of: .text)

    mutating func add(_ command: CommandKey, result: AppendResult) {
        ids.append(command.id)
        hashes.append(bytes: command.requestHash)
        streams.append(result.stream)
        firstPositions.append(result.firstPosition)
        lastPositions.append(result.lastPosition)
        let outcome: [String: JSON] = ["version": .int(result.streamVersion), "answer": command.answer]
        outcomes.append(JSON.object(outcome).serializedString())
    }

    /// Parameters $12 to $17 (it follows the events' INSERT in one statement).
    static let insertSQL = """
        INSERT INTO commands (id, request_hash, stream, first_position, last_position, outcome)
        SELECT i, h, s, f, l, o::json
        FROM unnest($12::text[], $13::bytea[], $14::text[], $15::bigint[], $16::bigint[], $17::text[])
            AS batch (i, h, s, f, l, o)
        """

    var parameters: [[UInt8]?] {
        [
            ids.bytes, hashes.bytes, streams.bytes, firstPositions.bytes, lastPositions.bytes, outcomes.bytes,
        ]
    }
}
