import BorderTime
import JSON

/// An event as stored in the log. `dataText` and `metadataText` are the exact stored text, which
/// is what the chain hash covers.
public struct RecordedEvent: Sendable, Equatable {
    public var position: Int64
    public var stream: String
    public var version: Int64
    public var type: String
    public var schemaVersion: Int32
    public var dataText: String
    public var metadataText: String
    public var occurredAt: Timestamp
    public var recordedAt: Timestamp
    public var commandID: String?
    public var hash: [UInt8]

    public init(
        position: Int64, stream: String, version: Int64, type: String, schemaVersion: Int32,
        dataText: String, metadataText: String, occurredAt: Timestamp, recordedAt: Timestamp,
        commandID: String?, hash: [UInt8]
    ) {
        self.position = position
        self.stream = stream
        self.version = version
        self.type = type
        self.schemaVersion = schemaVersion
        self.dataText = dataText
        self.metadataText = metadataText
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.commandID = commandID
        self.hash = hash
    }

    public func data() throws -> JSON { try JSON.parse(Array(dataText.utf8)) }

    public func metadata() throws -> JSON { try JSON.parse(Array(metadataText.utf8)) }
}
