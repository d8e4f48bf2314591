import BorderTime

/// A traveller's record: the aggregate behind one stream, keyed by issuing state and document
/// number. Holds what decisions need: the crossings on record, in the order they happened.
public struct Traveller: Sendable, Equatable {
    public private(set) var version: Int64 = 0
    /// Directions and times of recorded crossings, sorted by when they occurred.
    public private(set) var crossings: [(direction: Crossing.Direction, at: Timestamp)] = []

    public init() {}

    init(version: Int64, crossings: [(direction: Crossing.Direction, at: Timestamp)]) {
        self.version = version
        self.crossings = crossings
    }

    public init(events: some Sequence<TravellerEvent>) {
        for event in events { apply(event) }
    }

    public mutating func apply(_ event: TravellerEvent) {
        version += 1
        let entry = (direction: event.crossing.direction, at: event.occurredAt)
        let index = crossings.firstIndex { $0.at > entry.at } ?? crossings.endIndex
        crossings.insert(entry, at: index)
    }

    /// In the country by the latest crossing on record (by when it occurred, not when recorded).
    public var isInCountry: Bool { crossings.last?.direction == .arrival }

    /// The direction of the last crossing that occurred before `instant`.
    func lastDirection(before instant: Timestamp) -> Crossing.Direction? {
        crossings.last { $0.at <= instant }?.direction
    }

    public static func == (lhs: Traveller, rhs: Traveller) -> Bool {
        lhs.version == rhs.version
            && lhs.crossings.map(\.direction) == rhs.crossings.map(\.direction)
            && lhs.crossings.map(\.at) == rhs.crossings.map(\.at)
    }
}

extension Traveller {
    /// The stream key of a traveller: issuing state and document number.
    public static func streamKey(issuingState: String, documentNumber: String) -> String {
        "\(issuingState):\(documentNumber)"
    }

    /// Decides the event for a crossing. Facts from the border are recorded, not refused: what is
    /// unusual about them is marked as an anomaly on the event.
    public func decide(_ crossing: Crossing) -> TravellerEvent {
        var recorded = crossing
        recorded.anomalies = anomalies(of: crossing)
        return crossing.direction == .arrival ? .arrivalRecorded(recorded) : .departureRecorded(recorded)
    }

    private func anomalies(of crossing: Crossing) -> [Anomaly] {
        var found = [Anomaly]()
        let previous = lastDirection(before: crossing.occurredAt)
        if crossing.direction == .departure && previous != .arrival {
            found.append(.noRecordedArrival)
        }
        if crossing.direction == .arrival && previous == .arrival {
            found.append(.noRecordedDeparture)
        }
        if let expiry = CivilDay(iso: crossing.document.dateOfExpiry),
            expiry.daysSinceEpoch < crossing.occurredAt.civilDay.daysSinceEpoch
        {
            found.append(.documentExpired)
        }
        return found
    }
}
