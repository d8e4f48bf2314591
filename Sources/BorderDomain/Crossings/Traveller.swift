import BorderTime

/// A traveller's record: the aggregate behind one stream, keyed by issuing state and document
/// number. Holds what decisions need: crossings (as corrected, voided ones left out), permits,
/// accreditations and whether an overstay is flagged.
public struct Traveller: Sendable, Equatable {
    /// A crossing on record, by the stream version of its event.
    public struct Entry: Sendable, Equatable {
        public var version: Int64
        public var crossing: Crossing
        public var voided = false
    }

    public internal(set) var version: Int64 = 0
    /// Every crossing recorded, sorted by when it occurred (as corrected).
    public internal(set) var entries: [Entry] = []
    public internal(set) var permits: [String: Permit] = [:]
    public internal(set) var accreditations: [String: Accreditation] = [:]
    public internal(set) var overstayFlagged = false

    public init() {}

    public init(events: some Sequence<TravellerEvent>) {
        for event in events { apply(event) }
    }

    /// The crossings that stand: voided ones left out.
    public var crossings: [Crossing] { entries.filter { !$0.voided }.map(\.crossing) }

    /// In the country by the latest crossing on record (by when it occurred, not when recorded).
    public var isInCountry: Bool { crossings.last?.direction == .arrival }

    /// The direction of the last standing crossing that occurred at or before `instant`.
    func lastDirection(before instant: Timestamp) -> Crossing.Direction? {
        crossings.last { $0.occurredAt <= instant }?.direction
    }

    public mutating func apply(_ event: TravellerEvent) {
        version += 1
        switch event {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            insert(Entry(version: version, crossing: crossing))
        case .permitGranted(let permit, _): permits[permit.id] = permit
        case .permitRefused: break
        case .permitExtended(let change, _):
            permits[change.permitId]?.validUntil = change.validUntil
            permits[change.permitId]?.extensions += 1
            if let days = change.maximumStayDays { permits[change.permitId]?.maximumStayDays = days }
        case .permitCancelled(let withdrawal, _): permits[withdrawal.id]?.cancelled = true
        case .overstayFlagged: overstayFlagged = true
        case .overstayCleared: overstayFlagged = false
        case .crossingCorrected(let correction, _): correct(correction)
        case .crossingVoided(let target, _, _):
            if let index = entries.firstIndex(where: { $0.version == target }) { entries[index].voided = true }
        case .delegateAccredited(let accreditation, _): accreditations[accreditation.id] = accreditation
        case .accreditationRevoked(let withdrawal, _): accreditations[withdrawal.id]?.revoked = true
        }
    }

    private mutating func correct(_ correction: Correction) {
        guard let index = entries.firstIndex(where: { $0.version == correction.target }) else { return }
        var entry = entries.remove(at: index)
        entry.crossing = correction.applied(to: entry.crossing)
        insert(entry)
    }

    mutating func insert(_ entry: Entry) {
        let index = entries.firstIndex { $0.crossing.occurredAt > entry.crossing.occurredAt } ?? entries.endIndex
        entries.insert(entry, at: index)
    }
}

extension Traveller {
    /// The stream key of a traveller: issuing state and document number.
    public static func streamKey(issuingState: String, documentNumber: String) -> String {
        "\(issuingState):\(documentNumber)"
    }

    /// The permit or accreditation a traveller may stay on, on `day`; nil when none covers it.
    public func entryBasis(on day: CivilDay) -> String? {
        if let accreditation = accreditations.values.sorted(by: { $0.id < $1.id }).first(where: { $0.covers(day) }) {
            return accreditation.id
        }
        return permits.values.sorted { $0.id < $1.id }.first { $0.covers(day) }?.id
    }
}
