/// The log's tamper-evidence chain: hash(n) = SHA-256(hash(n-1) ‖ canonical bytes of event n),
/// with hash(0) thirty-two zero bytes.
///
/// Canonical bytes are a fixed, length-prefixed layout of every stored field, so that an auditor
/// can recompute them from a dump with no knowledge of PostgreSQL's internals:
/// `"BC-EVENT-1"`, then position, stream, version, type, schema version, occurred-at and
/// recorded-at (microseconds since the epoch), data text, metadata text, command id.
/// Integers are big-endian 64-bit; strings are a 32-bit big-endian byte length and UTF-8 bytes;
/// a missing command id is a length of 0xFFFFFFFF.
public enum ChainHash {
    public static let genesis = [UInt8](repeating: 0, count: 32)
    static let tag = Array("BC-EVENT-1".utf8)

    /// The stored fields of one event, as raw UTF-8 text where they are text.
    public struct Fields {
        public var position: Int64
        public var stream: UnsafeRawBufferPointer
        public var version: Int64
        public var type: UnsafeRawBufferPointer
        public var schemaVersion: Int64
        public var occurredAt: Int64
        public var recordedAt: Int64
        public var data: UnsafeRawBufferPointer
        public var metadata: UnsafeRawBufferPointer
        public var commandID: UnsafeRawBufferPointer?

        public init(
            position: Int64, stream: UnsafeRawBufferPointer, version: Int64, type: UnsafeRawBufferPointer,
            schemaVersion: Int64, occurredAt: Int64, recordedAt: Int64, data: UnsafeRawBufferPointer,
            metadata: UnsafeRawBufferPointer, commandID: UnsafeRawBufferPointer?
        ) {
            self.position = position
            self.stream = stream
            self.version = version
            self.type = type
            self.schemaVersion = schemaVersion
            self.occurredAt = occurredAt
            self.recordedAt = recordedAt
            self.data = data
            self.metadata = metadata
            self.commandID = commandID
        }
    }

    public static func next(after previous: [UInt8], event: RecordedEvent) -> [UInt8] {
        var buffer = [UInt8]()
        return withFields(of: event) { next(after: previous, fields: $0, buffer: &buffer) }
    }

    public static func canonicalBytes(of event: RecordedEvent) -> [UInt8] {
        var buffer = [UInt8]()
        withFields(of: event) { write($0, to: &buffer) }
        return buffer
    }

    /// The next hash from raw fields, building the canonical bytes in `buffer` (reused across
    /// calls, so that a verifier of millions of events allocates once).
    public static func next(after previous: [UInt8], fields: Fields, buffer: inout [UInt8]) -> [UInt8] {
        buffer.removeAll(keepingCapacity: true)
        buffer += previous
        write(fields, to: &buffer)
        return SHA256.hash(buffer)
    }

    static func write(_ fields: Fields, to bytes: inout [UInt8]) {
        bytes += tag
        append(fields.position, to: &bytes)
        append(fields.stream, to: &bytes)
        append(fields.version, to: &bytes)
        append(fields.type, to: &bytes)
        append(fields.schemaVersion, to: &bytes)
        append(fields.occurredAt, to: &bytes)
        append(fields.recordedAt, to: &bytes)
        append(fields.data, to: &bytes)
        append(fields.metadata, to: &bytes)
        if let commandID = fields.commandID {
            append(commandID, to: &bytes)
        } else {
            bytes += [0xff, 0xff, 0xff, 0xff]
        }
    }

    private static func withFields<R>(of event: RecordedEvent, _ body: (Fields) -> R) -> R {
        var stream = event.stream
        var type = event.type
        var data = event.dataText
        var metadata = event.metadataText
        var commandID = event.commandID
        return stream.withUTF8 { stream in
            type.withUTF8 { type in
                data.withUTF8 { data in
                    metadata.withUTF8 { metadata in
                        let fields = { (command: UnsafeRawBufferPointer?) in
                            Fields(
                                position: event.position, stream: UnsafeRawBufferPointer(stream),
                                version: event.version,
                                type: UnsafeRawBufferPointer(type), schemaVersion: Int64(event.schemaVersion),
                                occurredAt: event.occurredAt.microseconds, recordedAt: event.recordedAt.microseconds,
                                data: UnsafeRawBufferPointer(data), metadata: UnsafeRawBufferPointer(metadata),
                                commandID: command)
                        }
                        guard commandID != nil else { return body(fields(nil)) }
                        return commandID!.withUTF8 { body(fields(UnsafeRawBufferPointer($0))) }
                    }
                }
            }
        }
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }

    private static func append(_ text: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(text.count).bigEndian) { bytes += $0 }
        bytes += text
    }
}
