import BorderDomain
import BorderTime

/// Given these events, when this command, then these events (or this error).
struct Scenario {
    var traveller: Traveller
    var rules = EntryRules()

    static func given(_ events: [TravellerEvent]) -> Scenario { Scenario(traveller: Traveller(events: events)) }

    func when(_ command: TravellerCommand) -> Result<[TravellerEvent], DomainError> {
        Result { () throws(DomainError) in try traveller.decide(command, rules: rules) }
    }
}

/// Fixtures: a New Zealand passport holder, days of October 2024, a Samoan citizen.
enum Given {
    static func document(nationality: String = "NZL") -> DocumentFacts {
        DocumentFacts(
            format: "td3", documentCode: "P", issuingState: nationality, documentNumber: "LA1234567",
            nationality: nationality, primaryIdentifier: "SMITH", secondaryIdentifiers: ["JANE"],
            dateOfBirth: "1980-01-02", sex: "female", dateOfExpiry: "2030-01-01")
    }

    static func at(_ day: Int64, month: Int64 = 10) -> Timestamp {
        Timestamp(civilDay: CivilDay(year: 2024, month: month, day: day), secondOfDay: 36_000)
    }

    static func day(_ day: Int64, month: Int64 = 10) -> CivilDay { CivilDay(year: 2024, month: month, day: day) }

    static func crossing(
        _ direction: Crossing.Direction, on day: Int64, month: Int64 = 10, nationality: String = "NZL",
        purpose: Purpose? = .holiday, anomalies: [Anomaly] = []
    ) -> Crossing {
        Crossing(
            direction: direction, document: document(nationality: nationality), port: "APW", flight: "NZ990",
            purpose: purpose, occurredAt: at(day, month: month), anomalies: anomalies)
    }

    static func visitorPermit(id: String, from day: Int64, days: Int64 = 60) -> Permit {
        Permit(
            id: id, kind: .permit, category: "visitor", validFrom: Given.day(day),
            validUntil: Given.day(day).adding(days: days), onArrival: true)
    }
}
