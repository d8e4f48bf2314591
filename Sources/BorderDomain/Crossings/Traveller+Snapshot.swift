import BorderTime
import JSON

extension Traveller {
    /// Changes whenever the snapshot's shape or meaning changes; older snapshots are then ignored.
    public static let stateSchemaVersion: Int32 = 1

    /// The state as a snapshot: directions and times of the crossings on record.
    public var snapshot: JSON {
        [
            "applied": .int(version),
            "crossings": .array(
                crossings.map { ["direction": .string($0.direction.rawValue), "at": .int($0.at.microseconds)] }),
        ]
    }

    public init(snapshot: JSON) throws(DomainError) {
        guard let applied = snapshot["applied"]?.intValue, let entries = snapshot["crossings"]?.arrayValue else {
            throw DomainError(.unreadableEvent, field: "snapshot", "snapshot has no readable state")
        }
        var restored = [(direction: Crossing.Direction, at: Timestamp)]()
        for entry in entries {
            guard let direction = entry["direction"]?.stringValue.flatMap(Crossing.Direction.init(rawValue:)),
                let at = entry["at"]?.intValue
            else { throw DomainError(.unreadableEvent, field: "snapshot.crossings", "snapshot crossing unreadable") }
            restored.append((direction, Timestamp(microseconds: at)))
        }
        self.init(version: applied, crossings: restored)
    }
}
