import BorderTime
import JSON

/// The events of a traveller's stream.
public enum TravellerEvent: Sendable, Equatable {
    case arrivalRecorded(Crossing)
    case departureRecorded(Crossing)

    public static let currentSchemaVersion: Int32 = 1

    public var type: String {
        switch self {
        case .arrivalRecorded: "ArrivalRecorded"
        case .departureRecorded: "DepartureRecorded"
        }
    }

    public var crossing: Crossing {
        switch self {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing): crossing
        }
    }

    public var occurredAt: Timestamp { crossing.occurredAt }

    public var data: JSON { crossing.json }

    /// Reads a stored event; nil for a type this stream does not know (it is skipped, not fatal).
    public init?(type: String, data: JSON, occurredAt: Timestamp) throws(DomainError) {
        switch type {
        case "ArrivalRecorded":
            self = .arrivalRecorded(try Crossing(direction: .arrival, json: data, occurredAt: occurredAt))
        case "DepartureRecorded":
            self = .departureRecorded(try Crossing(direction: .departure, json: data, occurredAt: occurredAt))
        default:
            return nil
        }
    }
}
