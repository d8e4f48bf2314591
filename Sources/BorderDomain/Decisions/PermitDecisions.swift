import BorderTime
import JSON

/// A visa office's refusal: nothing is granted, the refusal is on record.
public struct PermitRefusal: Sendable, Equatable {
    public var kind: Permit.Kind
    public var category: String
    public var reason: String

    public init(kind: Permit.Kind, category: String, reason: String) {
        self.kind = kind
        self.category = category
        self.reason = reason
    }

    var json: JSON { ["kind": .string(kind.rawValue), "category": .string(category), "reason": .string(reason)] }

    init(json: JSON) throws(DomainError) {
        let reader = EventReader(json, event: "PermitRefused")
        guard let kind = Permit.Kind(rawValue: try reader.string("kind")) else { throw reader.unreadable("kind") }
        self.init(kind: kind, category: try reader.string("category"), reason: try reader.string("reason"))
    }
}

/// A longer validity for a granted permit.
public struct PermitExtension: Sendable, Equatable {
    public var permitId: String
    public var validUntil: CivilDay
    public var maximumStayDays: Int64?

    public init(permitId: String, validUntil: CivilDay, maximumStayDays: Int64? = nil) {
        self.permitId = permitId
        self.validUntil = validUntil
        self.maximumStayDays = maximumStayDays
    }

    var json: JSON {
        [
            "permitId": .string(permitId), "validUntil": .string(validUntil.description),
            "maximumStayDays": maximumStayDays.map { .int($0) } ?? .null,
        ]
    }

    init(json: JSON) throws(DomainError) {
        let reader = EventReader(json, event: "PermitExtended")
        self.init(
            permitId: try reader.string("permitId"), validUntil: try reader.day("validUntil"),
            maximumStayDays: try reader.optionalInt("maximumStayDays"))
    }
}

/// The end of a permit or an accreditation before its time, with the reason.
public struct Withdrawal: Sendable, Equatable {
    public var id: String
    public var reason: String

    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }

    func json(idField: String) -> JSON { [idField: .string(id), "reason": .string(reason)] }

    init(json: JSON, idField: String) throws(DomainError) {
        let reader = EventReader(json, event: idField == "permitId" ? "PermitCancelled" : "AccreditationRevoked")
        self.init(id: try reader.string(idField), reason: try reader.string("reason"))
    }
}
