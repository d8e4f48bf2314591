import BorderTime

/// A day of traffic at Faleolo International Airport (APW): scheduled flights, each with
/// passengers arriving or departing, in time order. Departing passengers arrived on earlier days;
/// those arrivals are part of the plan (`earlierArrivals`) so that the day's departures match
/// recorded arrivals, as they would on a running system.
public struct DemoDay: Sendable {
    public struct Movement: Sendable {
        public var traveller: DemoTraveller
        public var direction: String
        public var carrier: String
        public var flight: String
        public var occurredAt: Timestamp
    }

    public static let schedule: [(flight: String, direction: String, minuteOfDay: Int64)] = [
        ("NZ990", "arrival", 5 * 60 + 10), ("FJ251", "arrival", 6 * 60 + 40), ("OL732", "arrival", 9 * 60 + 30),
        ("NZ991", "departure", 7 * 60 + 20), ("FJ252", "departure", 8 * 60 + 30), ("OL731", "departure", 11 * 60),
        ("VA161", "arrival", 14 * 60 + 5), ("VA162", "departure", 15 * 60 + 35), ("NZ992", "arrival", 15 * 60 + 30),
        ("HA395", "arrival", 17 * 60 + 55), ("NZ993", "departure", 17 * 60 + 15), ("HA396", "departure", 19 * 60 + 40),
    ]

    public var earlierArrivals: [Movement] = []
    public var movements: [Movement] = []

    public init(day: CivilDay, arrivals: Int, departures: Int, seed: UInt64, mix: VisitorMix = .samoa) {
        var generator = SeededGenerator(seed: seed)
        let arrivalFlights = Self.schedule.filter { $0.direction == "arrival" }
        let departureFlights = Self.schedule.filter { $0.direction == "departure" }
        for index in 0..<arrivals {
            let flight = arrivalFlights[index % arrivalFlights.count]
            let traveller = DemoTraveller.random(mix: mix, using: &generator)
            movements.append(Self.movement(traveller, flight, day: day, offset: index, using: &generator))
        }
        for index in 0..<departures {
            let flight = departureFlights[index % departureFlights.count]
            let traveller = DemoTraveller.random(mix: mix, using: &generator)
            let stay = Int64.random(in: 3...45, using: &generator)
            let arrivalDay = CivilDay(daysSinceEpoch: day.daysSinceEpoch - stay)
            let inbound = arrivalFlights[index % arrivalFlights.count]
            earlierArrivals.append(Self.movement(traveller, inbound, day: arrivalDay, offset: index, using: &generator))
            movements.append(Self.movement(traveller, flight, day: day, offset: index, using: &generator))
        }
        movements.append(Self.movement(.specimen, arrivalFlights[0], day: day, offset: 0, using: &generator))
        movements.sort { $0.occurredAt < $1.occurredAt }
        earlierArrivals.sort { $0.occurredAt < $1.occurredAt }
    }

    static func movement(
        _ traveller: DemoTraveller, _ flight: (flight: String, direction: String, minuteOfDay: Int64), day: CivilDay,
        offset: Int, using generator: inout SeededGenerator
    ) -> Movement {
        // Passengers reach the desk within 50 minutes of the flight (arrivals) or before it (departures).
        let spread = Int64.random(in: 0..<3000, using: &generator)
        let second = flight.minuteOfDay * 60 + (flight.direction == "arrival" ? spread : -spread)
        return Movement(
            traveller: traveller, direction: flight.direction, carrier: String(flight.flight.prefix(2)),
            flight: flight.flight, occurredAt: Timestamp(civilDay: day, secondOfDay: second))
    }
}
