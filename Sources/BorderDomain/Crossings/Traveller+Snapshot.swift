import BorderTime
import JSON

extension Traveller {
    /// Changes whenever the snapshot's shape or meaning changes; older snapshots are then ignored.
    public static let stateSchemaVersion: Int32 = 2

    /// The whole state as a snapshot.
    public var snapshot: JSON {
        [
            "applied": .int(version), "overstayFlagged": .bool(overstayFlagged),
            "crossings": .array(
                entries.map {
                    [
                        "version": .int($0.version), "direction": .string($0.crossing.direction.rawValue),
                        "at": .int($0.crossing.occurredAt.microseconds), "voided": .bool($0.voided),
                        "crossing": $0.crossing.json,
                    ]
                }),
            "permits": .array(permits.keys.sorted().compactMap { permits[$0]?.snapshot }),
            "accreditations": .array(accreditations.keys.sorted().compactMap { accreditations[$0]?.snapshot }),
        ]
    }

    public init(snapshot: JSON) throws(DomainError) {
        let reader = EventReader(snapshot, event: "snapshot")
        guard let entries = snapshot["crossings"]?.arrayValue, let permits = snapshot["permits"]?.arrayValue,
            let accreditations = snapshot["accreditations"]?.arrayValue
        else { throw DomainError(.unreadableEvent, field: "snapshot", "snapshot has no readable state") }
        self.init()
        version = try reader.int("applied")
        overstayFlagged = snapshot["overstayFlagged"]?.boolValue ?? false
        for entry in entries { self.entries.append(try Self.entry(entry)) }
        for permit in permits {
            let permit = try Permit(snapshot: permit)
            self.permits[permit.id] = permit
        }
        for accreditation in accreditations {
            let accreditation = try Accreditation(snapshot: accreditation)
            self.accreditations[accreditation.id] = accreditation
        }
    }

    private static func entry(_ json: JSON) throws(DomainError) -> Entry {
        let reader = EventReader(json, event: "snapshot.crossings")
        guard let direction = Crossing.Direction(rawValue: try reader.string("direction")) else {
            throw reader.unreadable("direction")
        }
        let crossing = try Crossing(
            direction: direction, json: try reader.object("crossing"),
            occurredAt: Timestamp(microseconds: try reader.int("at")))
        return Entry(version: try reader.int("version"), crossing: crossing, voided: json["voided"]?.boolValue ?? false)
    }
}
