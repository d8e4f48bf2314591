import BorderTime
import JSON

/// A summit delegate's accreditation: it stands in for a permit, with the validity the
/// accreditation desk sets.
public struct Accreditation: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case headOfGovernment = "head-of-government"
        case headOfDelegation = "head-of-delegation"
        case minister
        case delegate
        case official
        case security
        case media
        case support
    }

    /// The desk's own reference (the badge number).
    public var id: String
    /// The summit, e.g. `CHOGM2024`.
    public var summit: String
    /// The delegation: an ICAO state code or an organisation code (`GBR`, `UNO`).
    public var delegation: String
    public var role: Role
    public var validFrom: CivilDay
    public var validUntil: CivilDay
    /// Who the desk expects to hold the document, when the delegation said.
    public var holder: Holder?
    public var revoked: Bool = false

    public init(
        id: String, summit: String, delegation: String, role: Role, validFrom: CivilDay, validUntil: CivilDay,
        holder: Holder? = nil
    ) {
        self.holder = holder
        self.id = id
        self.summit = summit
        self.delegation = delegation
        self.role = role
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public func covers(_ day: CivilDay) -> Bool {
        !revoked && validFrom <= day && day <= validUntil
    }
}

extension Accreditation {
    /// The event data; `holder` only when the desk gave one (older events have none).
    public var json: JSON {
        var fields: [String: JSON] = [
            "accreditationId": .string(id), "summit": .string(summit), "delegation": .string(delegation),
            "role": .string(role.rawValue), "validFrom": .string(validFrom.description),
            "validUntil": .string(validUntil.description),
        ]
        if let holder { fields["holder"] = holder.json }
        return .object(fields)
    }

    init(json: JSON, event: String) throws(DomainError) {
        let reader = EventReader(json, event: event)
        guard let role = Role(rawValue: try reader.string("role")) else { throw reader.unreadable("role") }
        self.init(
            id: try reader.string("accreditationId"), summit: try reader.string("summit"),
            delegation: try reader.string("delegation"), role: role, validFrom: try reader.day("validFrom"),
            validUntil: try reader.day("validUntil"),
            holder: try json["holder"].flatMap { $0 == .null ? nil : $0 }.map { json throws(DomainError) in
                try Holder(json: json)
            })
    }

    var snapshot: JSON {
        var fields = json.objectValue ?? [:]
        fields["revoked"] = .bool(revoked)
        return .object(fields)
    }

    init(snapshot: JSON) throws(DomainError) {
        try self.init(json: snapshot, event: "snapshot")
        revoked = snapshot["revoked"]?.boolValue ?? false
    }
}
