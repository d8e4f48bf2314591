import BorderTime
import JSON

extension TravellerEvent {
    /// Reads a stored event; nil for a type this stream does not know (it is skipped, not fatal).
    public init?(type: String, data: JSON, occurredAt at: Timestamp) throws(DomainError) {
        let reader = EventReader(data, event: type)
        switch type {
        case "ArrivalRecorded": self = .arrivalRecorded(try Crossing(direction: .arrival, json: data, occurredAt: at))
        case "DepartureRecorded":
            self = .departureRecorded(try Crossing(direction: .departure, json: data, occurredAt: at))
        case "PermitGranted": self = .permitGranted(try Permit(json: data, event: type), at: at)
        case "PermitRefused": self = .permitRefused(try PermitRefusal(json: data), at: at)
        case "PermitExtended": self = .permitExtended(try PermitExtension(json: data), at: at)
        case "PermitCancelled": self = .permitCancelled(try Withdrawal(json: data, idField: "permitId"), at: at)
        case "OverstayFlagged":
            self = .overstayFlagged(reason: try reader.string("reason"), source: try reader.string("source"), at: at)
        case "OverstayCleared": self = .overstayCleared(reason: try reader.string("reason"), at: at)
        case "CrossingCorrected": self = .crossingCorrected(try Correction(json: data), at: at)
        case "CrossingVoided":
            self = .crossingVoided(target: try reader.int("target"), reason: try reader.string("reason"), at: at)
        case "DelegateAccredited": self = .delegateAccredited(try Accreditation(json: data, event: type), at: at)
        case "AccreditationRevoked":
            self = .accreditationRevoked(try Withdrawal(json: data, idField: "accreditationId"), at: at)
        default: return nil
        }
    }
}
