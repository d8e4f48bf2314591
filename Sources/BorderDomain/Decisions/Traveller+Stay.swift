import BorderTime

/// How long a traveller in the country may stay, and whether the overstay watch should flag or
/// clear: one rule, used by the decisions, the departure's `overstayed` mark and the watcher.
extension Traveller {
    /// The day the current (or last) stay began: the last standing arrival's day.
    public var stayBegan: CivilDay? {
        crossings.last { $0.direction == .arrival }?.occurredAt.civilDay
    }

    /// The last day the traveller may stay, by the permits, visas and accreditations that reach
    /// into the current stay; nil when no limit applies (a citizen) or none is on record (an
    /// arrival recorded before permits were, a transit passenger): never a reason to flag.
    public func authorisedUntil(rules: EntryRules = EntryRules()) -> CivilDay? {
        guard let began = stayBegan, let arrival = crossings.last(where: { $0.direction == .arrival }) else {
            return nil
        }
        if rules.exemptNationalities.contains(arrival.document.nationality) { return nil }
        let limits =
            permits.values.filter { !$0.cancelled }.map(\.validUntil)
            + accreditations.values.filter { !$0.revoked }.map(\.validUntil)
        return limits.filter { $0 >= began }.max()
    }

    /// In the country past the authorised day on `today`, and not yet flagged.
    public func overstayDue(on today: CivilDay, rules: EntryRules = EntryRules()) -> Bool {
        guard isInCountry, !overstayFlagged, let until = authorisedUntil(rules: rules) else { return false }
        return until < today
    }

    /// Flagged, but gone (departed) or authorised again (an extension, a new permit) on `today`.
    /// A flag on someone with no limit on record stays until a supervisor clears it.
    public func overstayResolved(on today: CivilDay, rules: EntryRules = EntryRules()) -> Bool {
        guard overstayFlagged else { return false }
        guard isInCountry else { return true }
        guard let until = authorisedUntil(rules: rules) else { return false }
        return until >= today
    }
}
