import BorderDomain
import BorderTime
import DemoTraffic

extension SnapshotLoadingTests {
    /// A command of any kind, aimed at what the record holds where it names something (a permit,
    /// a crossing, an accreditation), so that histories mix crossings with every kind of decision.
    static func randomCommand(for traveller: Traveller, using generator: inout SeededGenerator) -> TravellerCommand {
        let at = Timestamp(
            microseconds: Int64.random(in: 1_700_000_000_000_000...1_800_000_000_000_000, using: &generator))
        let day = at.civilDay
        let permit = traveller.permits.keys.sorted().randomElement(using: &generator) ?? "permit-1"
        let target = traveller.entries.randomElement(using: &generator)?.version ?? 1
        let badge = "B\(Int.random(in: 1...3, using: &generator))"
        switch Int.random(in: 0..<10, using: &generator) {
        case 0...3: return .recordCrossing(randomCrossing(using: &generator))
        case 4:
            let grant = PermitGrant(
                kind: .visa, category: "business", validFrom: day, validUntil: day.adding(days: 90), maximumStayDays: 30
            )
            return .grantPermit(grant, at: at)
        case 5:
            return .extendPermit(
                PermitExtension(
                    permitId: permit, validUntil: day.adding(days: Int64.random(in: 1...200, using: &generator))),
                at: at)
        case 6: return .cancelPermit(Withdrawal(id: permit, reason: "test"), at: at)
        case 7:
            return Bool.random(using: &generator)
                ? .flagOverstay(reason: "test", at: at) : .clearOverstay(reason: "test", at: at)
        case 8:
            return Bool.random(using: &generator)
                ? .voidCrossing(target: target, reason: "test", at: at)
                : .correctCrossing(Correction(target: target, occurredAt: at, port: "FGI", reason: "test"), at: at)
        default:
            let accreditation = Accreditation(
                id: badge, summit: "CHOGM2024", delegation: "AUS", role: .delegate, validFrom: day,
                validUntil: day.adding(days: 10))
            return Bool.random(using: &generator)
                ? .accredit(accreditation, at: at) : .revokeAccreditation(Withdrawal(id: badge, reason: "test"), at: at)
        }
    }
}
