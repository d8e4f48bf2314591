import BorderDomain
import BorderTime

/// A generated summit week at APW: each day's traffic (`DemoDay`), delegates accredited before
/// the summit and arriving on its first day, and the decisions of an ordinary week: a visa, a
/// permit extension, a correction, a void and an overstay flag. Commands come in the order they
/// happened, each naming the document whose stream it goes to.
public struct SummitWeek: Sendable {
    public struct Step: Sendable {
        public var issuingState: String
        public var documentNumber: String
        public var command: TravellerCommand
    }

    public private(set) var steps: [Step] = []

    public init(firstDay: CivilDay, days: Int = 7, perDay: Int = 40, delegates: Int = 12, seed: UInt64 = 2024) {
        let opening = Timestamp(civilDay: firstDay.adding(days: -3), secondOfDay: 9 * 3600)
        let week = (0..<days).map {
            DemoDay(
                day: firstDay.adding(days: Int64($0)), arrivals: perDay,
                departures: perDay * 3 / 4, seed: seed + UInt64($0))
        }
        let arrivingDelegates = week[0].movements.filter {
            $0.direction == "arrival" && $0.traveller.nationality != "UTO"
        }
        .prefix(delegates)
        for (index, movement) in arrivingDelegates.enumerated() {
            let accreditation = Accreditation(
                id: "CHOGM-\(1000 + index)", summit: "CHOGM2024", delegation: movement.traveller.nationality,
                role: index == 0 ? .headOfDelegation : .delegate, validFrom: firstDay.adding(days: -2),
                validUntil: firstDay.adding(days: Int64(days)))
            add(movement.traveller, .accredit(accreditation, at: opening))
        }
        for day in week {
            for movement in day.earlierArrivals + day.movements { add(movement) }
        }
        addDecisions(week, at: Timestamp(civilDay: firstDay.adding(days: 3), secondOfDay: 12 * 3600))
    }

    private mutating func add(_ movement: DemoDay.Movement) {
        guard
            let document = try? DocumentFacts(
                MRZ.parse(movement.traveller.mrz, relativeTo: movement.occurredAt.calendarDate))
        else { return }
        let crossing = Crossing(
            direction: movement.direction == "arrival" ? .arrival : .departure, document: document, port: "APW",
            carrier: movement.carrier, flight: movement.flight,
            purpose: Purpose(rawValue: movement.traveller.purpose), occurredAt: movement.occurredAt)
        add(movement.traveller, .recordCrossing(crossing))
    }

    private mutating func add(_ traveller: DemoTraveller, _ command: TravellerCommand) {
        let issuingState =
            (try? MRZ.parse(traveller.mrz, relativeTo: CalendarDate(year: 2024, month: 1, day: 1)!))?
            .issuingState ?? traveller.nationality
        steps.append(Step(issuingState: issuingState, documentNumber: traveller.documentNumber, command: command))
    }

    /// Midweek: a work visa, an extension of a visitor permit, a correction of a flight, a void of
    /// a crossing scanned twice, and an overstay flagged by a supervisor.
    private mutating func addDecisions(_ week: [DemoDay], at time: Timestamp) {
        let visitors = week[0].movements.filter { $0.direction == "arrival" && $0.traveller.nationality != "WSM" }
            .suffix(4).map(\.traveller)
        guard visitors.count == 4 else { return }
        let day = time.civilDay
        let grant = PermitGrant(kind: .visa, category: "work", validFrom: day, validUntil: day.adding(days: 365))
        add(visitors[0], .grantPermit(grant, at: time))
        add(visitors[1], .correctCrossing(Correction(target: 1, flight: "NZ999", reason: "keyed wrong"), at: time))
        add(visitors[2], .voidCrossing(target: 1, reason: "scanned twice", at: time))
        add(visitors[3], .flagOverstay(reason: "reported by employer", at: time))
    }
}

extension Timestamp {
    /// The civil day as a calendar date (centuries of MRZ dates are decided relative to it).
    var calendarDate: CalendarDate {
        let day = civilDay
        return CalendarDate(year: Int(day.year), month: Int(day.month), day: Int(day.day))!
    }
}
