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

    public static func next(after previous: [UInt8], event: RecordedEvent) -> [UInt8] {
        var digest = SHA256()
        digest.update(previous)
        digest.update(canonicalBytes(of: event))
        return digest.finalize()
    }

    public static func canonicalBytes(of event: RecordedEvent) -> [UInt8] {
        var bytes = tag
        bytes.reserveCapacity(128 + event.dataText.utf8.count + event.metadataText.utf8.count)
        append(event.position, to: &bytes)
        append(event.stream, to: &bytes)
        append(event.version, to: &bytes)
        append(event.type, to: &bytes)
        append(Int64(event.schemaVersion), to: &bytes)
        append(event.occurredAt.microseconds, to: &bytes)
        append(event.recordedAt.microseconds, to: &bytes)
        append(event.dataText, to: &bytes)
        append(event.metadataText, to: &bytes)
        if let commandID = event.commandID {
            append(commandID, to: &bytes)
        } else {
            bytes += [0xff, 0xff, 0xff, 0xff]
        }
        return bytes
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes += $0 }
        bytes += utf8
    }
}
