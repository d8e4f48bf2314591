import BorderTime
import JSON

/// An event as stored in the log. `dataText` and `metadataText` are the exact stored text, which
/// is what the chain hash covers; events read from the log decode them when they are asked for.
public struct RecordedEvent: Sendable, Equatable {
    public var position: Int64
    public var stream: String
    public var version: Int64
    public var type: String
    public var schemaVersion: Int32
    public var dataText: String {
        get { storedData.string }
        set { storedData = StoredText(newValue) }
    }
    public var metadataText: String {
        get { storedMetadata.string }
        set { storedMetadata = StoredText(newValue) }
    }
    public var occurredAt: Timestamp
    public var recordedAt: Timestamp
    public var commandID: String?
    public var hash: [UInt8]
    private var storedData: StoredText
    private var storedMetadata: StoredText
    private var parsedAhead = ParsedAhead()

    public init(
        position: Int64, stream: String, version: Int64, type: String, schemaVersion: Int32,
        dataText: String, metadataText: String, occurredAt: Timestamp, recordedAt: Timestamp,
        commandID: String?, hash: [UInt8]
    ) {
        self.init(
            position: position, stream: stream, version: version, type: type, schemaVersion: schemaVersion,
            data: StoredText(dataText), metadata: StoredText(metadataText), occurredAt: occurredAt,
            recordedAt: recordedAt, commandID: commandID, hash: hash)
    }

    init(
        position: Int64, stream: String, version: Int64, type: String, schemaVersion: Int32,
        data: StoredText, metadata: StoredText, occurredAt: Timestamp, recordedAt: Timestamp,
        commandID: String?, hash: [UInt8]
    ) {
        self.position = position
        self.stream = stream
        self.version = version
        self.type = type
        self.schemaVersion = schemaVersion
        self.storedData = data
        self.storedMetadata = metadata
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.commandID = commandID
        self.hash = hash
    }

    public func data() throws -> JSON {
        if let parsed = parsedAhead.data { return parsed }
        return try JSON.parse(storedData.utf8)
    }

    /// Parses the data now, so that `data()` returns it without parsing: for a reader that reads
    /// ahead on another thread. Data that does not parse is left for `data()` to report.
    public mutating func parseDataAhead() {
        parsedAhead.data = try? JSON.parse(storedData.utf8)
    }

    public func metadata() throws -> JSON { try JSON.parse(storedMetadata.utf8) }
}

/// Data parsed ahead of use: a cache, not part of the event's value (two events are equal
/// whether or not either was parsed ahead).
private struct ParsedAhead: Sendable, Equatable {
    var data: JSON?

    static func == (_: ParsedAhead, _: ParsedAhead) -> Bool { true }
}
