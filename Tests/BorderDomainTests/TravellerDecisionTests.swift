import BorderDomain
import BorderTime
import Testing

/// Given these events, when this crossing, then this event.
@Suite("Deciding a traveller's crossings")
struct TravellerDecisionTests {
    static let document = DocumentFacts(
        format: "td3", documentCode: "P", issuingState: "NZL", documentNumber: "LA1234567", nationality: "NZL",
        primaryIdentifier: "SMITH", secondaryIdentifiers: ["JANE"], dateOfBirth: "1980-01-02", sex: "female",
        dateOfExpiry: "2030-01-01")

    static func crossing(_ direction: Crossing.Direction, day: Int64, expiry: String = "2030-01-01") -> Crossing {
        var document = document
        document.dateOfExpiry = expiry
        return Crossing(
            direction: direction, document: document, port: "APW", carrier: "NZ", flight: "NZ990",
            purpose: .holiday, occurredAt: Timestamp(civilDay: CivilDay(year: 2024, month: 10, day: day)))
    }

    /// The first event decided for a crossing (an arrival may bring a permit after it).
    static func first(_ traveller: Traveller, _ crossing: Crossing) -> TravellerEvent {
        let events = try? traveller.decide(.recordCrossing(crossing))
        return events?.first ?? .overstayCleared(reason: "no event decided", at: Timestamp(microseconds: 0))
    }

    @Test func firstArrivalIsRecordedWithoutAnomaly() {
        let traveller = Traveller()

        let event = Self.first(traveller, Self.crossing(.arrival, day: 20))

        #expect(event == .arrivalRecorded(Self.crossing(.arrival, day: 20)))
    }

    @Test func departureAfterArrivalIsRecordedWithoutAnomaly() {
        let traveller = Traveller(events: [.arrivalRecorded(Self.crossing(.arrival, day: 10))])

        let event = Self.first(traveller, Self.crossing(.departure, day: 20))

        #expect(event == .departureRecorded(Self.crossing(.departure, day: 20)))
        #expect(!Traveller(events: [.arrivalRecorded(Self.crossing(.arrival, day: 10)), event]).isInCountry)
    }

    @Test func departureWithNoRecordedArrivalIsStoredAndMarked() {
        let event = Self.first(Traveller(), Self.crossing(.departure, day: 20))

        #expect(event.type == "DepartureRecorded")
        #expect(event.crossing?.anomalies == [.noRecordedArrival])
    }

    @Test func departureBeforeTheOnlyArrivalOnRecordIsMarked() {
        let traveller = Traveller(events: [.arrivalRecorded(Self.crossing(.arrival, day: 25))])

        let event = Self.first(traveller, Self.crossing(.departure, day: 20))

        #expect(event.crossing?.anomalies == [.noRecordedArrival])
    }

    @Test func secondArrivalWithoutDepartureIsMarked() {
        let traveller = Traveller(events: [.arrivalRecorded(Self.crossing(.arrival, day: 10))])

        let event = Self.first(traveller, Self.crossing(.arrival, day: 20))

        #expect(event.crossing?.anomalies == [.noRecordedDeparture])
    }

    @Test(arguments: [("2024-10-19", true), ("2024-10-20", false), ("2012-04-15", true), ("2030-01-01", false)])
    func documentExpiredBeforeTheCrossingDayIsMarkedNotRefused(expiry: String, expired: Bool) {
        let event = Self.first(Traveller(), Self.crossing(.arrival, day: 20, expiry: expiry))

        #expect(event.type == "ArrivalRecorded")
        #expect(event.crossing?.anomalies.contains(.documentExpired) == expired)
    }

    @Test func lateRecordedEarlierCrossingDoesNotChangePresence() {
        var traveller = Traveller(events: [.arrivalRecorded(Self.crossing(.arrival, day: 20))])

        traveller.apply(.departureRecorded(Self.crossing(.departure, day: 5)))

        #expect(traveller.isInCountry)
        #expect(traveller.version == 2)
    }

    @Test func eventDataRoundTripsThroughJSON() throws {
        let event = Self.first(Traveller(), Self.crossing(.departure, day: 20, expiry: "2020-01-01"))

        let decoded = try TravellerEvent(type: event.type, data: event.data, occurredAt: event.occurredAt)

        #expect(decoded == event)
    }

    /// From the second review: a stored event with an impossible date of birth was projected.
    @Test(arguments: ["1980-13-45", "1980-02-30", "80-01-01"])
    func storedEventWithImpossibleDateIsUnreadable(date: String) throws {
        let event = Self.first(Traveller(), Self.crossing(.arrival, day: 20))
        guard case .object(var data) = event.data, case .object(var document) = data["document"]! else {
            Issue.record("event data is not an object")
            return
        }
        document["dateOfBirth"] = .string(date)
        data["document"] = .object(document)

        let error = #expect(throws: DomainError.self) {
            try TravellerEvent(type: event.type, data: .object(data), occurredAt: event.occurredAt)
        }

        #expect(error?.field == "document.dateOfBirth")
    }

    @Test func unknownEventTypeIsSkipped() throws {
        #expect(try TravellerEvent(type: "SomethingElse", data: [:], occurredAt: Timestamp(microseconds: 0)) == nil)
    }

    @Test func streamKeyIsIssuingStateAndDocumentNumber() {
        #expect(Traveller.streamKey(issuingState: "D", documentNumber: "C01X00T47") == "D:C01X00T47")
    }
}
