import BorderTime
import JSON

/// A supervisor's correction of a recorded crossing: the fields that were wrong, with their right
/// values. The crossing's own event stays in the log as it was.
public struct Correction: Sendable, Equatable {
    /// The stream version of the crossing event being corrected.
    public var target: Int64
    public var occurredAt: Timestamp?
    public var port: String?
    public var carrier: String?
    public var flight: String?
    public var purpose: Purpose?
    public var reason: String

    public init(
        target: Int64, occurredAt: Timestamp? = nil, port: String? = nil, carrier: String? = nil,
        flight: String? = nil, purpose: Purpose? = nil, reason: String
    ) {
        self.target = target
        self.occurredAt = occurredAt
        self.port = port
        self.carrier = carrier
        self.flight = flight
        self.purpose = purpose
        self.reason = reason
    }

    /// The names of the fields it changes.
    public var changedFields: [String] {
        [
            occurredAt.map { _ in "occurredAt" }, port.map { _ in "port" }, carrier.map { _ in "carrier" },
            flight.map { _ in "flight" }, purpose.map { _ in "purpose" },
        ].compactMap { $0 }
    }

    var json: JSON {
        var changes = [String: JSON]()
        if let occurredAt { changes["occurredAt"] = .string(occurredAt.description) }
        if let port { changes["port"] = .string(port) }
        if let carrier { changes["carrier"] = .string(carrier) }
        if let flight { changes["flight"] = .string(flight) }
        if let purpose { changes["purpose"] = .string(purpose.rawValue) }
        return ["target": .int(target), "changes": .object(changes), "reason": .string(reason)]
    }

    init(json: JSON) throws(DomainError) {
        let reader = EventReader(json, event: "CrossingCorrected")
        let changes = EventReader(try reader.object("changes"), event: "CrossingCorrected.changes")
        target = try reader.int("target")
        reason = try reader.string("reason")
        occurredAt = try changes.optionalString("occurredAt").flatMap(Timestamp.init(rfc3339:))
        port = try changes.optionalString("port")
        carrier = try changes.optionalString("carrier")
        flight = try changes.optionalString("flight")
        purpose = try changes.optionalString("purpose").flatMap(Purpose.init(rawValue:))
    }

    /// The crossing as it should have been recorded.
    func applied(to crossing: Crossing) -> Crossing {
        var corrected = crossing
        if let occurredAt { corrected.occurredAt = occurredAt }
        if let port { corrected.port = port }
        if let carrier { corrected.carrier = carrier }
        if let flight { corrected.flight = flight }
        if let purpose { corrected.purpose = purpose }
        return corrected
    }
}
