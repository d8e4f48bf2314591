import BorderTime
import JSON

/// An event to append: what happened, when it happened at the desk, and who recorded it.
public struct NewEvent: Sendable, Equatable {
    public var type: String
    public var schemaVersion: Int32
    public var data: JSON
    public var metadata: JSON
    /// When it happened (at the desk). `recorded_at` is set by the store.
    public var occurredAt: Timestamp

    public init(type: String, schemaVersion: Int32 = 1, data: JSON, metadata: JSON = [:], occurredAt: Timestamp) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.occurredAt = occurredAt
    }
}
