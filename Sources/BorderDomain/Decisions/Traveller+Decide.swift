import BorderTime

extension Traveller {
    /// Decides the events for a command, or refuses it naming the field at fault. Facts from the
    /// border (crossings) are recorded, never refused: what is unusual is marked as an anomaly.
    public func decide(_ command: TravellerCommand, rules: EntryRules = EntryRules()) throws(DomainError)
        -> [TravellerEvent]
    {
        switch command {
        case .recordCrossing(let crossing, let residentOf): return decideCrossing(crossing, residentOf, rules)
        case .grantPermit(let grant, let at): return [.permitGranted(try permit(grant), at: at)]
        case .refusePermit(let refusal, let at): return [.permitRefused(refusal, at: at)]
        case .extendPermit(let change, let at):
            try checkExtension(change, rules)
            return [.permitExtended(change, at: at)]
        case .cancelPermit(let withdrawal, let at):
            _ = try standingPermit(withdrawal.id)
            return [.permitCancelled(withdrawal, at: at)]
        case .flagOverstay(let reason, let source, let at):
            try requireOnRecord()
            guard !overstayFlagged else { throw Self.refusal("overstay", "an overstay is already flagged") }
            return [.overstayFlagged(reason: reason, source: source, at: at)]
        case .clearOverstay(let reason, let at):
            try requireOnRecord()
            guard overstayFlagged else { throw Self.refusal("overstay", "no overstay is flagged") }
            return [.overstayCleared(reason: reason, at: at)]
        case .correctCrossing(let correction, _):
            guard !correction.changedFields.isEmpty else {
                throw DomainError(.missingField, field: "changes", "a correction must change at least one field")
            }
            let crossing = try standingEntry(correction.target).crossing
            guard correction.applied(to: crossing) != crossing else {
                throw Self.refusal("changes", "the crossing already holds those values")
            }
            // Bitemporal: the correction is a fact about the crossing, valid from when the crossing
            // occurred (or from its corrected time, if earlier); the log's recorded_at says when
            // it was made. So "as of an occurred time" sees the crossing as corrected.
            let at = min(crossing.occurredAt, correction.occurredAt ?? crossing.occurredAt)
            return [.crossingCorrected(correction, at: at)]
        case .voidCrossing(let target, let reason, _):
            let crossing = try standingEntry(target).crossing
            return [.crossingVoided(target: target, reason: reason, at: crossing.occurredAt)]
        case .accredit(let accreditation, let at): return [.delegateAccredited(try check(accreditation), at: at)]
        case .revokeAccreditation(let withdrawal, let at):
            guard let accreditation = accreditations[withdrawal.id] else {
                throw DomainError(.notFound, field: "accreditationId", "no such accreditation on this record")
            }
            guard !accreditation.revoked else { throw Self.refusal("accreditationId", "already revoked") }
            return [.accreditationRevoked(withdrawal, at: at)]
        }
    }

    static func refusal(_ field: String, _ message: String) -> DomainError {
        DomainError(.refused, field: field, message)
    }

    /// Refuses a decision on a traveller the record does not hold: for an overstay flag or
    /// clearance, a mistyped document would otherwise start a record of its own that no lookup
    /// finds.
    private func requireOnRecord() throws(DomainError) {
        guard version > 0 else {
            throw DomainError(.notFound, field: "document", "the record holds no traveller with this document")
        }
    }

    private func permit(_ grant: PermitGrant) throws(DomainError) -> Permit {
        guard grant.validFrom <= grant.validUntil else {
            throw DomainError(.invalidField, field: "validUntil", "validUntil is before validFrom")
        }
        return Permit(
            id: "permit-\(version + 1)", kind: grant.kind, category: grant.category, validFrom: grant.validFrom,
            validUntil: grant.validUntil, maximumStayDays: grant.maximumStayDays)
    }

    private func standingPermit(_ id: String) throws(DomainError) -> Permit {
        guard let permit = permits[id] else {
            throw DomainError(.notFound, field: "permitId", "no such permit on this record")
        }
        guard !permit.cancelled else { throw Self.refusal("permitId", "the permit is cancelled") }
        return permit
    }

    private func checkExtension(_ change: PermitExtension, _ rules: EntryRules) throws(DomainError) {
        let permit = try standingPermit(change.permitId)
        guard change.validUntil > permit.validUntil else {
            throw Self.refusal("validUntil", "an extension must end after the permit's current validUntil")
        }
        guard permit.onArrival && permit.category == "visitor" else { return }
        guard permit.extensions < rules.visitorExtensionsAllowed else {
            throw Self.refusal("permitId", "a visitor permit may be extended \(rules.visitorExtensionsAllowed) time(s)")
        }
        guard change.validUntil <= permit.validUntil.adding(days: rules.visitorExtensionDays) else {
            throw Self.refusal(
                "validUntil", "a visitor permit extension adds at most \(rules.visitorExtensionDays) days")
        }
    }

    private func standingEntry(_ target: Int64) throws(DomainError) -> Entry {
        guard let entry = entries.first(where: { $0.version == target }) else {
            throw DomainError(.notFound, field: "target", "no crossing on this record has that version")
        }
        guard !entry.voided else { throw Self.refusal("target", "that crossing is voided") }
        return entry
    }

    private func check(_ accreditation: Accreditation) throws(DomainError) -> Accreditation {
        guard accreditation.validFrom <= accreditation.validUntil else {
            throw DomainError(.invalidField, field: "validUntil", "validUntil is before validFrom")
        }
        guard accreditations[accreditation.id] == nil else {
            throw Self.refusal("accreditationId", "this record already holds that accreditation")
        }
        return accreditation
    }
}
