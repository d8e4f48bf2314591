import BorderDomain
import BorderTime
import Testing

@Suite("Overstay flags, corrections, voids and accreditations")
struct SupervisorDecisionTests {
    static let arrival = TravellerEvent.arrivalRecorded(Given.crossing(.arrival, on: 1))

    @Test func overstayIsFlaggedOnceAndClearedOnce() throws {
        let flagged = try Scenario.given([Self.arrival]).when(.flagOverstay(reason: "seen in Apia", at: Given.at(5)))
            .get()

        #expect(flagged == [.overstayFlagged(reason: "seen in Apia", source: "manual", at: Given.at(5))])
        #expect(
            Scenario.given([Self.arrival] + flagged).when(.flagOverstay(reason: "again", at: Given.at(6)))
                .refusedField == "overstay")
        #expect(
            Scenario.given([Self.arrival]).when(.clearOverstay(reason: "no", at: Given.at(6))).refusedField
                == "overstay")
        let cleared = try Scenario.given([Self.arrival] + flagged).when(.clearOverstay(reason: "left", at: Given.at(7)))
            .get()
        #expect(!Traveller(events: [Self.arrival] + flagged + cleared).overstayFlagged)
    }

    /// Newcomer review of issue 4: a flag for a document the record does not hold (a mistyped
    /// number) was stored as a record of its own that no lookup finds.
    @Test func aFlagOrClearanceNeedsATravellerOnRecord() {
        guard case .failure(let error) = Scenario.given([]).when(.flagOverstay(reason: "seen", at: Given.at(5))) else {
            Issue.record("a flag for a traveller not on record was accepted")
            return
        }
        #expect(error.code == .notFound)
        #expect(error.field == "document")
        guard case .failure(let clearing) = Scenario.given([]).when(.clearOverstay(reason: "left", at: Given.at(5)))
        else {
            Issue.record("a clearance for a traveller not on record was accepted")
            return
        }
        #expect(clearing.code == .notFound)
    }

    @Test func correctionChangesTheCrossingAndKeepsTheOriginalEvent() throws {
        let correction = Correction(target: 1, occurredAt: Given.at(2), port: "FGI", reason: "wrong desk")

        let events = try Scenario.given([Self.arrival]).when(.correctCrossing(correction, at: Given.at(3))).get()
        let traveller = Traveller(events: [Self.arrival] + events)

        // Valid from when the crossing occurred (day 1), not from when it was corrected (day 3).
        #expect(events == [.crossingCorrected(correction, at: Given.at(1))])
        #expect(traveller.crossings.map(\.port) == ["FGI"])
        #expect(traveller.crossings.map(\.occurredAt) == [Given.at(2)])
        #expect(traveller.version == 2)
    }

    @Test func correctionOfNothingIsRefused() {
        let noChange = Correction(target: 1, reason: "nothing")
        let unknown = Correction(target: 7, port: "FGI", reason: "x")

        let empty = Scenario.given([Self.arrival]).when(.correctCrossing(noChange, at: Given.at(3)))
        let missing = Scenario.given([Self.arrival]).when(.correctCrossing(unknown, at: Given.at(3)))

        #expect(
            empty
                == .failure(DomainError(.missingField, field: "changes", "a correction must change at least one field"))
        )
        #expect((try? missing.get()) == nil)
        let same = Correction(target: 1, port: "APW", flight: "NZ990", reason: "already so")
        #expect(Scenario.given([Self.arrival]).when(.correctCrossing(same, at: Given.at(3))).refusedField == "changes")
    }

    @Test func voidIsValidFromWhenTheCrossingOccurred() throws {
        let events = try Scenario.given([Self.arrival]).when(.voidCrossing(target: 1, reason: "x", at: Given.at(9)))
            .get()

        #expect(events == [.crossingVoided(target: 1, reason: "x", at: Given.at(1))])
    }

    @Test func voidedCrossingNoLongerCountsAndCannotBeVoidedAgain() throws {
        let departure = TravellerEvent.departureRecorded(Given.crossing(.departure, on: 5))
        let given = [Self.arrival, departure]

        let voided = try Scenario.given(given).when(.voidCrossing(target: 2, reason: "scanned twice", at: Given.at(6)))
            .get()
        let traveller = Traveller(events: given + voided)

        #expect(traveller.isInCountry)
        #expect(traveller.crossings.count == 1)
        #expect(traveller.entries.count == 2, "the voided crossing stays on record")
        #expect(
            Scenario.given(given + voided).when(.voidCrossing(target: 2, reason: "x", at: Given.at(7))).refusedField
                == "target")
        let correct = Correction(target: 2, port: "FGI", reason: "x")
        #expect(
            Scenario.given(given + voided).when(.correctCrossing(correct, at: Given.at(7))).refusedField == "target")
    }

    @Test func correctionThatMovesACrossingReordersPresence() throws {
        let departure = TravellerEvent.departureRecorded(Given.crossing(.departure, on: 5))
        let moved = Correction(target: 2, occurredAt: Given.at(20, month: 9), reason: "wrong date")

        let events = try Scenario.given([Self.arrival, departure]).when(.correctCrossing(moved, at: Given.at(6))).get()

        #expect(Traveller(events: [Self.arrival, departure] + events).isInCountry)
    }

    @Test func accreditationIsGivenOnceAndRevokedOnce() throws {
        let accreditation = Accreditation(
            id: "CHOGM-0001", summit: "CHOGM2024", delegation: "NZL", role: .delegate, validFrom: Given.day(18),
            validUntil: Given.day(27))
        let revoke = Withdrawal(id: "CHOGM-0001", reason: "left the delegation")

        let given = try Scenario.given([]).when(.accredit(accreditation, at: Given.at(1))).get()

        #expect(Scenario.given(given).when(.accredit(accreditation, at: Given.at(2))).refusedField == "accreditationId")
        let revoked = try Scenario.given(given).when(.revokeAccreditation(revoke, at: Given.at(3))).get()
        #expect(revoked == [.accreditationRevoked(revoke, at: Given.at(3))])
        #expect(
            Scenario.given(given + revoked).when(.revokeAccreditation(revoke, at: Given.at(4))).refusedField
                == "accreditationId")
        #expect(Traveller(events: given + revoked).entryBasis(on: Given.day(20)) == nil)
    }

    @Test(arguments: [
        TravellerEvent.permitGranted(Given.visitorPermit(id: "permit-1", from: 1), at: Given.at(1)),
        .permitRefused(PermitRefusal(kind: .visa, category: "work", reason: "r"), at: Given.at(1)),
        .permitExtended(
            PermitExtension(permitId: "permit-1", validUntil: Given.day(30, month: 12), maximumStayDays: 9),
            at: Given.at(1)),
        .permitCancelled(Withdrawal(id: "permit-1", reason: "r"), at: Given.at(1)),
        .overstayFlagged(reason: "r", source: "manual", at: Given.at(1)),
        .overstayCleared(reason: "r", at: Given.at(1)),
        .crossingCorrected(
            Correction(target: 1, occurredAt: Given.at(2), flight: "NZ991", purpose: .work, reason: "r"),
            at: Given.at(3)),
        .crossingVoided(target: 1, reason: "r", at: Given.at(1)),
        .delegateAccredited(
            Accreditation(
                id: "A", summit: "S", delegation: "D", role: .media, validFrom: Given.day(1), validUntil: Given.day(2)),
            at: Given.at(1)),
        .accreditationRevoked(Withdrawal(id: "A", reason: "r"), at: Given.at(1)),
    ])
    func everyEventRoundTripsThroughItsStoredJSON(event: TravellerEvent) throws {
        let decoded = try TravellerEvent(type: event.type, data: event.data, occurredAt: event.occurredAt)

        #expect(decoded == event)
        #expect(TravellerEvent.types.contains(event.type))
    }

    @Test func snapshotOfEveryKindOfStateRestoresIt() throws {
        let events: [TravellerEvent] = [
            Self.arrival, .permitGranted(Given.visitorPermit(id: "permit-2", from: 1), at: Given.at(1)),
            .permitExtended(
                PermitExtension(permitId: "permit-2", validUntil: Given.day(30, month: 12)), at: Given.at(2)),
            .overstayFlagged(reason: "r", source: "manual", at: Given.at(3)),
            .crossingVoided(target: 1, reason: "r", at: Given.at(4)),
            .delegateAccredited(
                Accreditation(
                    id: "A", summit: "S", delegation: "NZL", role: .media, validFrom: Given.day(1),
                    validUntil: Given.day(2)),
                at: Given.at(5)),
        ]
        let traveller = Traveller(events: events)

        #expect(try Traveller(snapshot: traveller.snapshot) == traveller)
    }
}

@Suite("An accreditation's expected holder")
struct AccreditationHolderTests {
    static func accredited(holder: Accreditation.Holder) -> TravellerEvent {
        .delegateAccredited(
            Accreditation(
                id: "CHOGM-0001", summit: "CHOGM2024", delegation: "NZL", role: .minister, validFrom: Given.day(18),
                validUntil: Given.day(27), holder: holder),
            at: Given.at(1))
    }

    @Test(arguments: [
        ("SMITH", "NZL", "1980-01-02", false), ("SMITH", "AUS", "1980-01-02", true), ("JONES", "NZL", nil, true),
        ("SMITH", "NZL", "1981-01-02", true), ("SMITH", "NZL", nil, false),
    ])
    func passportDifferingFromTheExpectedHolderIsMarkedNotRefused(
        surname: String, nationality: String, dateOfBirth: String?, marked: Bool
    ) throws {
        let holder = Accreditation.Holder(
            primaryIdentifier: surname, secondaryIdentifiers: [], nationality: nationality, dateOfBirth: dateOfBirth)

        let events = try Scenario.given([Self.accredited(holder: holder)])
            .when(.recordCrossing(Given.crossing(.arrival, on: 20, purpose: .official))).get()

        #expect(events.count == 1, "the accreditation still covers the stay")
        #expect(events.first?.crossing?.anomalies.contains(.accreditationMismatch) == marked)
    }

    @Test func holderRoundTripsThroughTheStoredEvent() throws {
        let holder = Accreditation.Holder(
            primaryIdentifier: "O'NEILL", secondaryIdentifiers: ["ANN"], nationality: "NZL", dateOfBirth: "1980-01-02")
        let event = Self.accredited(holder: holder)

        #expect(try TravellerEvent(type: event.type, data: event.data, occurredAt: event.occurredAt) == event)
        #expect(!holder.differs(from: Given.document().with(surname: "ONEILL")))
    }
}

extension DocumentFacts {
    func with(surname: String) -> DocumentFacts {
        var copy = self
        copy.primaryIdentifier = surname
        return copy
    }
}
