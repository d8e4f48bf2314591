import BorderTime

/// What an officer, a visa office, a supervisor or the accreditation desk asks of a traveller's
/// record. `at` is when the command was given (a crossing carries its own time).
public enum TravellerCommand: Sendable, Equatable {
    case recordCrossing(Crossing, residentOf: String? = nil)
    case grantPermit(PermitGrant, at: Timestamp)
    case refusePermit(PermitRefusal, at: Timestamp)
    case extendPermit(PermitExtension, at: Timestamp)
    case cancelPermit(Withdrawal, at: Timestamp)
    /// `source`: `manual` (a supervisor) or `watcher` (the overstay watch).
    case flagOverstay(reason: String, source: String = "manual", at: Timestamp)
    case clearOverstay(reason: String, at: Timestamp)
    case correctCrossing(Correction, at: Timestamp)
    case voidCrossing(target: Int64, reason: String, at: Timestamp)
    case accredit(Accreditation, at: Timestamp)
    case revokeAccreditation(Withdrawal, at: Timestamp)
}

/// A visa office's grant, before it has an id on the stream.
public struct PermitGrant: Sendable, Equatable {
    public var kind: Permit.Kind
    public var category: String
    public var validFrom: CivilDay
    public var validUntil: CivilDay
    public var maximumStayDays: Int64?

    public init(
        kind: Permit.Kind, category: String, validFrom: CivilDay, validUntil: CivilDay, maximumStayDays: Int64? = nil
    ) {
        self.kind = kind
        self.category = category
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.maximumStayDays = maximumStayDays
    }
}

/// The entry rules that are settings, not constants (`../shared/data/samoa-rules.md`).
public struct EntryRules: Sendable, Equatable {
    /// Days of the visitor permit given on arrival.
    public var visitorPermitDays: Int64 = 60
    /// Days one extension of a visitor permit may add, and how many extensions it may have.
    public var visitorExtensionDays: Int64 = 60
    public var visitorExtensionsAllowed: Int64 = 1
    /// Days of the entry permit for residents of American Samoa on US passports.
    public var entryPermitDays: Int64 = 30
    /// Nationalities that need no permit (citizens).
    public var exemptNationalities: Set<String> = ["WSM"]

    public init() {}
}
