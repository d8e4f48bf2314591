import BorderTime
import JSON

/// A visa or a permit to stay: granted by a visa office, or on arrival by the entry rules.
public struct Permit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case visa, permit }

    /// Unique within the traveller's stream: `permit-<version of the grant>`.
    public var id: String
    public var kind: Kind
    /// What it permits: `visitor`, `entry`, `business`, `work`, `study`, `transit`, `resident`, ...
    public var category: String
    public var validFrom: CivilDay
    public var validUntil: CivilDay
    /// The longest single stay it allows, in days; nil when only `validUntil` limits a stay.
    public var maximumStayDays: Int64?
    /// Granted at the border by the entry rules rather than by a visa office.
    public var onArrival: Bool
    public var extensions: Int64 = 0
    public var cancelled: Bool = false

    public init(
        id: String, kind: Kind, category: String, validFrom: CivilDay, validUntil: CivilDay,
        maximumStayDays: Int64? = nil, onArrival: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.category = category
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.maximumStayDays = maximumStayDays
        self.onArrival = onArrival
    }

    /// Valid on `day`: not cancelled, and `day` within its validity.
    public func covers(_ day: CivilDay) -> Bool {
        !cancelled && validFrom <= day && day <= validUntil
    }
}

extension Permit {
    /// The event data of a grant (extensions and cancellation are events of their own).
    public var json: JSON {
        [
            "permitId": .string(id), "kind": .string(kind.rawValue), "category": .string(category),
            "validFrom": .string(validFrom.description), "validUntil": .string(validUntil.description),
            "maximumStayDays": maximumStayDays.map { .int($0) } ?? .null, "onArrival": .bool(onArrival),
        ]
    }

    init(json: JSON, event: String) throws(DomainError) {
        let reader = EventReader(json, event: event)
        guard let kind = Kind(rawValue: try reader.string("kind")) else { throw reader.unreadable("kind") }
        self.init(
            id: try reader.string("permitId"), kind: kind, category: try reader.string("category"),
            validFrom: try reader.day("validFrom"), validUntil: try reader.day("validUntil"),
            maximumStayDays: try reader.optionalInt("maximumStayDays"), onArrival: json["onArrival"]?.boolValue ?? false
        )
    }

    /// The state kept in a snapshot: the grant plus what happened to it since.
    var snapshot: JSON {
        var fields = json.objectValue ?? [:]
        fields["extensions"] = .int(extensions)
        fields["cancelled"] = .bool(cancelled)
        return .object(fields)
    }

    init(snapshot: JSON) throws(DomainError) {
        try self.init(json: snapshot, event: "snapshot")
        extensions = snapshot["extensions"]?.intValue ?? 0
        cancelled = snapshot["cancelled"]?.boolValue ?? false
    }
}
