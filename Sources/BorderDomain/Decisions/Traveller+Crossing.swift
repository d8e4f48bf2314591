import BorderTime

extension Traveller {
    /// An arrival or departure, marked with what is unusual about it; an arrival without a permit,
    /// visa or accreditation covering the day gets the permit the entry rules give on arrival.
    func decideCrossing(_ crossing: Crossing, _ residentOf: String?, _ rules: EntryRules) -> [TravellerEvent] {
        var recorded = crossing
        recorded.anomalies = anomalies(of: crossing)
        guard crossing.direction == .arrival else { return [.departureRecorded(recorded)] }
        let arrival = TravellerEvent.arrivalRecorded(recorded)
        guard let permit = permitOnArrival(crossing, residentOf, rules) else { return [arrival] }
        return [arrival, .permitGranted(permit, at: crossing.occurredAt)]
    }

    private func permitOnArrival(_ crossing: Crossing, _ residentOf: String?, _ rules: EntryRules) -> Permit? {
        let day = crossing.occurredAt.civilDay
        let nationality = crossing.document.nationality
        guard !rules.exemptNationalities.contains(nationality), crossing.purpose != .transit,
            entryBasis(on: day) == nil
        else { return nil }
        let entryPermit = nationality == "USA" && residentOf == "ASM"
        let days = entryPermit ? rules.entryPermitDays : rules.visitorPermitDays
        // The arrival takes version + 1, the permit's own event version + 2.
        return Permit(
            id: "permit-\(version + 2)", kind: .permit, category: entryPermit ? "entry" : "visitor", validFrom: day,
            validUntil: day.adding(days: days), onArrival: true)
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
        if let expiry = CivilDay(iso: crossing.document.dateOfExpiry), expiry < crossing.occurredAt.civilDay {
            found.append(.documentExpired)
        }
        let day = crossing.occurredAt.civilDay
        let accreditation = accreditations.values.sorted { $0.id < $1.id }.first { $0.covers(day) }
        if crossing.direction == .arrival, let holder = accreditation?.holder, holder.differs(from: crossing.document) {
            found.append(.accreditationMismatch)
        }
        if crossing.direction == .departure, overstayFlagged || overstays(departingOn: crossing.occurredAt.civilDay) {
            found.append(.overstayed)
        }
        return found
    }

    /// A departure after the day the traveller was authorised to stay until.
    private func overstays(departingOn day: CivilDay) -> Bool {
        guard isInCountry, let until = authorisedUntil() else { return false }
        return until < day
    }
}
