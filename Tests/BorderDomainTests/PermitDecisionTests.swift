import BorderDomain
import BorderTime
import Testing

@Suite("Permits, visas and the entry rules")
struct PermitDecisionTests {
    @Test func visitorArrivingWithoutVisaGetsTheVisitorPermitOfTheRules() {
        var scenario = Scenario.given([])
        scenario.rules.visitorPermitDays = 45

        let events = scenario.when(.recordCrossing(Given.crossing(.arrival, on: 20)))

        #expect(
            events
                == .success([
                    .arrivalRecorded(Given.crossing(.arrival, on: 20)),
                    .permitGranted(Given.visitorPermit(id: "permit-2", from: 20, days: 45), at: Given.at(20)),
                ]))
    }

    @Test func samoanCitizenNeedsNoPermit() {
        let events = Scenario.given([]).when(.recordCrossing(Given.crossing(.arrival, on: 20, nationality: "WSM")))

        #expect(events == .success([.arrivalRecorded(Given.crossing(.arrival, on: 20, nationality: "WSM"))]))
    }

    @Test func americanSamoaResidentOnUSPassportGetsAnEntryPermit() throws {
        let crossing = Given.crossing(.arrival, on: 20, nationality: "USA")

        let events = try Scenario.given([]).when(.recordCrossing(crossing, residentOf: "ASM")).get()

        guard case .permitGranted(let permit, _) = events.last else {
            Issue.record("no permit granted")
            return
        }
        #expect(permit.category == "entry")
        #expect(permit.validUntil == Given.day(20).adding(days: 30))
    }

    @Test func arrivalCoveredByAVisaGetsNoOtherPermit() {
        let visa = Permit(
            id: "permit-1", kind: .visa, category: "business", validFrom: Given.day(1), validUntil: Given.day(31))
        let crossing = Given.crossing(.arrival, on: 20, purpose: .business)

        let events = Scenario.given([.permitGranted(visa, at: Given.at(1))]).when(.recordCrossing(crossing))

        #expect(events == .success([.arrivalRecorded(crossing)]))
    }

    @Test func delegateArrivesUnderTheAccreditation() {
        let accreditation = Accreditation(
            id: "CHOGM-0001", summit: "CHOGM2024", delegation: "NZL", role: .minister, validFrom: Given.day(18),
            validUntil: Given.day(27))
        let crossing = Given.crossing(.arrival, on: 20, purpose: .official)

        let events = Scenario.given([.delegateAccredited(accreditation, at: Given.at(1))]).when(
            .recordCrossing(crossing))

        #expect(events == .success([.arrivalRecorded(crossing)]))
    }

    @Test func grantedVisaTakesTheNextVersionAsItsId() throws {
        let grant = PermitGrant(
            kind: .visa, category: "work", validFrom: Given.day(1), validUntil: Given.day(1, month: 12),
            maximumStayDays: 60)

        let events = try Scenario.given([.arrivalRecorded(Given.crossing(.arrival, on: 1))])
            .when(.grantPermit(grant, at: Given.at(2))).get()

        #expect(events.count == 1)
        guard case .permitGranted(let permit, _) = events[0] else { return }
        #expect(permit.id == "permit-2")
        #expect(permit.maximumStayDays == 60)
        #expect(!permit.onArrival)
    }

    @Test func grantEndingBeforeItStartsIsRefusedNamingValidUntil() {
        let grant = PermitGrant(kind: .visa, category: "work", validFrom: Given.day(10), validUntil: Given.day(9))

        let result = Scenario.given([]).when(.grantPermit(grant, at: Given.at(2)))

        #expect(result == .failure(DomainError(.invalidField, field: "validUntil", "validUntil is before validFrom")))
    }

    @Test func visitorPermitExtendsOnceByAtMostTheRulesDays() throws {
        let given: [TravellerEvent] = [
            .arrivalRecorded(Given.crossing(.arrival, on: 1)),
            .permitGranted(Given.visitorPermit(id: "permit-2", from: 1), at: Given.at(1)),
        ]
        let tooLong = PermitExtension(permitId: "permit-2", validUntil: Given.day(1).adding(days: 121))
        let once = PermitExtension(permitId: "permit-2", validUntil: Given.day(1).adding(days: 120))

        #expect(throws: DomainError.self) {
            try Scenario.given(given).when(.extendPermit(tooLong, at: Given.at(5))).get()
        }
        let extended = try Scenario.given(given).when(.extendPermit(once, at: Given.at(5))).get()
        #expect(extended == [.permitExtended(once, at: Given.at(5))])

        let twice = PermitExtension(permitId: "permit-2", validUntil: Given.day(1).adding(days: 130))
        let result = Scenario.given(given + extended).when(.extendPermit(twice, at: Given.at(6)))
        #expect(result.refusedField == "permitId")
    }

    @Test func cancelledPermitCannotBeExtendedOrCancelledAgain() {
        let given: [TravellerEvent] = [
            .permitGranted(Given.visitorPermit(id: "permit-1", from: 1), at: Given.at(1)),
            .permitCancelled(Withdrawal(id: "permit-1", reason: "fraud"), at: Given.at(2)),
        ]
        let scenario = Scenario.given(given)

        #expect(
            scenario.when(.cancelPermit(Withdrawal(id: "permit-1", reason: "again"), at: Given.at(3))).refusedField
                == "permitId")
        let extend = PermitExtension(permitId: "permit-1", validUntil: Given.day(20, month: 12))
        #expect(scenario.when(.extendPermit(extend, at: Given.at(3))).refusedField == "permitId")
    }

    @Test func unknownPermitIsNotFound() {
        let result = Scenario.given([]).when(.cancelPermit(Withdrawal(id: "permit-9", reason: "x"), at: Given.at(3)))

        #expect((try? result.get()) == nil)
        if case .failure(let error) = result { #expect(error.code == .notFound && error.field == "permitId") }
    }

    @Test func refusalIsRecordedAndGrantsNothing() throws {
        let refusal = PermitRefusal(kind: .visa, category: "work", reason: "no sponsor")

        let events = try Scenario.given([]).when(.refusePermit(refusal, at: Given.at(3))).get()
        let traveller = Traveller(events: events)

        #expect(events == [.permitRefused(refusal, at: Given.at(3))])
        #expect(traveller.permits.isEmpty)
    }

    @Test func departureAfterThePermitRanOutIsMarkedOverstayed() throws {
        let given: [TravellerEvent] = [
            .arrivalRecorded(Given.crossing(.arrival, on: 1)),
            .permitGranted(Given.visitorPermit(id: "permit-2", from: 1, days: 10), at: Given.at(1)),
        ]

        let late = try Scenario.given(given).when(.recordCrossing(Given.crossing(.departure, on: 12))).get()
        let inTime = try Scenario.given(given).when(.recordCrossing(Given.crossing(.departure, on: 11))).get()

        #expect(late.first?.crossing?.anomalies == [.overstayed])
        #expect(inTime.first?.crossing?.anomalies == [])
    }
}

extension Result where Success == [TravellerEvent], Failure == DomainError {
    /// The field a refusal names; nil when the command was accepted or failed otherwise.
    var refusedField: String? {
        guard case .failure(let error) = self, error.code == .refused else { return nil }
        return error.field
    }
}
