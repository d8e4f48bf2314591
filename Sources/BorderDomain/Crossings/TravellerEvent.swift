import BorderTime
import JSON

/// The events of a traveller's stream.
public enum TravellerEvent: Sendable, Equatable {
    case arrivalRecorded(Crossing)
    case departureRecorded(Crossing)
    case permitGranted(Permit, at: Timestamp)
    case permitRefused(PermitRefusal, at: Timestamp)
    case permitExtended(PermitExtension, at: Timestamp)
    case permitCancelled(Withdrawal, at: Timestamp)
    case overstayFlagged(reason: String, source: String, at: Timestamp)
    case overstayCleared(reason: String, at: Timestamp)
    case crossingCorrected(Correction, at: Timestamp)
    case crossingVoided(target: Int64, reason: String, at: Timestamp)
    case delegateAccredited(Accreditation, at: Timestamp)
    case accreditationRevoked(Withdrawal, at: Timestamp)

    public static let currentSchemaVersion: Int32 = 1

    /// Every event type this stream holds.
    public static let types = [
        "ArrivalRecorded", "DepartureRecorded", "PermitGranted", "PermitRefused", "PermitExtended", "PermitCancelled",
        "OverstayFlagged", "OverstayCleared", "CrossingCorrected", "CrossingVoided", "DelegateAccredited",
        "AccreditationRevoked",
    ]

    public var type: String {
        switch self {
        case .arrivalRecorded: "ArrivalRecorded"
        case .departureRecorded: "DepartureRecorded"
        case .permitGranted: "PermitGranted"
        case .permitRefused: "PermitRefused"
        case .permitExtended: "PermitExtended"
        case .permitCancelled: "PermitCancelled"
        case .overstayFlagged: "OverstayFlagged"
        case .overstayCleared: "OverstayCleared"
        case .crossingCorrected: "CrossingCorrected"
        case .crossingVoided: "CrossingVoided"
        case .delegateAccredited: "DelegateAccredited"
        case .accreditationRevoked: "AccreditationRevoked"
        }
    }

    /// The crossing, for an arrival or a departure.
    public var crossing: Crossing? {
        switch self {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing): crossing
        default: nil
        }
    }

    /// When it happened: at the desk for a crossing, when decided for a decision.
    public var occurredAt: Timestamp {
        switch self {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing): crossing.occurredAt
        case .permitGranted(_, let at), .permitRefused(_, let at), .permitExtended(_, let at),
            .permitCancelled(_, let at), .overstayFlagged(_, _, let at), .overstayCleared(_, let at),
            .crossingCorrected(_, let at), .crossingVoided(_, _, let at), .delegateAccredited(_, let at),
            .accreditationRevoked(_, let at):
            at
        }
    }

    public var data: JSON {
        switch self {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing): crossing.json
        case .permitGranted(let permit, _): permit.json
        case .permitRefused(let refusal, _): refusal.json
        case .permitExtended(let extension_, _): extension_.json
        case .permitCancelled(let withdrawal, _): withdrawal.json(idField: "permitId")
        case .overstayFlagged(let reason, let source, _): ["reason": .string(reason), "source": .string(source)]
        case .overstayCleared(let reason, _): ["reason": .string(reason)]
        case .crossingCorrected(let correction, _): correction.json
        case .crossingVoided(let target, let reason, _): ["target": .int(target), "reason": .string(reason)]
        case .delegateAccredited(let accreditation, _): accreditation.json
        case .accreditationRevoked(let withdrawal, _): withdrawal.json(idField: "accreditationId")
        }
    }
}
