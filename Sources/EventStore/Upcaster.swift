import JSON

/// Turns a stored event of an older schema version into the current one on read. Stored events
/// never change (the log is immutable and hashed); readers upcast what they read.
///
/// Each step upgrades one type from one version to the next; steps chain, so an event stored at
/// version 1 passes through 1→2 and 2→3 to reach version 3.
public struct Upcaster: Sendable {
    public struct Step: Sendable {
        public var type: String
        public var from: Int32
        public var upgrade: @Sendable (JSON) throws -> JSON

        public init(type: String, from: Int32, upgrade: @escaping @Sendable (JSON) throws -> JSON) {
            self.type = type
            self.from = from
            self.upgrade = upgrade
        }
    }

    private let steps: [String: [Int32: Step]]

    public init(_ steps: [Step]) {
        var byType = [String: [Int32: Step]]()
        for step in steps {
            precondition(byType[step.type]?[step.from] == nil, "two upcasters for \(step.type) v\(step.from)")
            byType[step.type, default: [:]][step.from] = step
        }
        self.steps = byType
    }

    /// The version events of `type` are read as.
    public func currentVersion(of type: String, stored: Int32) -> Int32 {
        var version = stored
        while steps[type]?[version] != nil { version += 1 }
        return version
    }

    /// The event's data at the current version of its type, and that version.
    public func upcast(_ event: RecordedEvent) throws -> (schemaVersion: Int32, data: JSON) {
        var data = try event.data()
        var version = event.schemaVersion
        while let step = steps[event.type]?[version] {
            data = try step.upgrade(data)
            version += 1
        }
        return (version, data)
    }
}
