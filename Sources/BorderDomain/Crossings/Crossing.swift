import BorderTime
import JSON

/// An arrival or departure as it happened at the desk.
public struct Crossing: Sendable, Equatable {
    public enum Direction: String, Sendable { case arrival, departure }

    public var direction: Direction
    public var document: DocumentFacts
    public var port: String
    public var carrier: String?
    public var flight: String?
    public var purpose: Purpose?
    public var occurredAt: Timestamp
    /// What the system noticed when recording it; recorded, never a reason to refuse.
    public var anomalies: [Anomaly]

    public init(
        direction: Direction, document: DocumentFacts, port: String, carrier: String? = nil, flight: String? = nil,
        purpose: Purpose? = nil, occurredAt: Timestamp, anomalies: [Anomaly] = []
    ) {
        self.direction = direction
        self.document = document
        self.port = port
        self.carrier = carrier
        self.flight = flight
        self.purpose = purpose
        self.occurredAt = occurredAt
        self.anomalies = anomalies
    }
}

/// Something unusual about a recorded crossing, for an officer or supervisor to look at.
public enum Anomaly: String, Sendable, CaseIterable {
    /// A departure with no earlier arrival on record.
    case noRecordedArrival
    /// An arrival while the last crossing on record was also an arrival.
    case noRecordedDeparture
    /// The travel document had expired on the day of the crossing.
    case documentExpired
    /// A departure after every permit the traveller stayed on had run out, or while an overstay
    /// was flagged.
    case overstayed
    /// An arrival under an accreditation whose expected holder differs from the passport read.
    case accreditationMismatch
}

extension Crossing {
    /// The event data (`occurredAt` is kept by the log itself, beside the data).
    public var json: JSON {
        [
            "document": document.json, "port": .string(port), "carrier": .optional(carrier),
            "flight": .optional(flight), "purpose": .optional(purpose?.rawValue),
            "anomalies": .array(anomalies.map { .string($0.rawValue) }),
        ]
    }

    public init(direction: Direction, json: JSON, occurredAt: Timestamp) throws(DomainError) {
        let event = direction == .arrival ? "ArrivalRecorded" : "DepartureRecorded"
        let reader = EventReader(json, event: event)
        self.direction = direction
        document = try DocumentFacts(json: try reader.object("document"))
        port = try reader.string("port")
        carrier = try reader.optionalString("carrier")
        flight = try reader.optionalString("flight")
        purpose = try reader.optionalString("purpose").flatMap(Purpose.init(rawValue:))
        anomalies = try reader.strings("anomalies").compactMap(Anomaly.init(rawValue:))
        self.occurredAt = occurredAt
    }
}
