import EventStore
import JSON
import Postgres

/// JSON Lines for third parties: one event per line with its position, stored hash, the hash of
/// the event before it, every stored field, and the canonical bytes (hex) that the chain hashes.
/// Anyone can check a line with SHA-256(hex-decode(previousHash) ‖ hex-decode(canonical)) ==
/// hex-decode(hash), and that `canonical` encodes the fields shown.
public struct EventExport: Sendable {
    public var pageSize = 5000
    let store = EventStore()

    public init() {}

    public func export(
        from: Int64 = 1, to: Int64? = nil, stream: String? = nil, on connection: PostgresConnection,
        write: (String) -> Void
    ) throws {
        var cursor = max(from, 1) - 1
        var previous =
            cursor == 0
            ? ChainHash.genesis : (try store.read(after: cursor - 1, limit: 1, on: connection).first?.hash ?? [])
        while true {
            let page = try store.read(after: cursor, limit: pageSize, on: connection)
            guard !page.isEmpty else { return }
            for event in page {
                if let to, event.position > to { return }
                if stream == nil || event.stream == stream {
                    write(Self.line(for: event, previous: previous).serializedString())
                }
                previous = event.hash
                cursor = event.position
            }
        }
    }

    static func line(for event: RecordedEvent, previous: [UInt8]) -> JSON {
        [
            "position": .int(event.position), "stream": .string(event.stream), "version": .int(event.version),
            "type": .string(event.type), "schemaVersion": .int(Int64(event.schemaVersion)),
            "occurredAt": .string(event.occurredAt.description), "recordedAt": .string(event.recordedAt.description),
            "occurredAtMicros": .int(event.occurredAt.microseconds),
            "recordedAtMicros": .int(event.recordedAt.microseconds), "commandId": .optional(event.commandID),
            "data": .string(event.dataText), "metadata": .string(event.metadataText),
            "previousHash": .string(Hex.encode(previous)), "hash": .string(Hex.encode(event.hash)),
            "canonical": .string(Hex.encode(ChainHash.canonicalBytes(of: event))),
        ]
    }
}
