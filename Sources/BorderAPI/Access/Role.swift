/// What a caller may do: each route names the roles that may call it.
public enum Role: String, Sendable, CaseIterable {
    /// Records arrivals and departures; looks travellers up.
    case officer
    /// Grants, refuses, extends and cancels visas and permits.
    case visaOfficer = "visa-officer"
    /// Corrects and voids records, flags and clears overstays; may also record crossings.
    case supervisor
    /// Accredits summit delegates and revokes accreditations.
    case accreditation
    /// Reads everything, changes nothing.
    case auditor
    /// Issues and revokes tokens.
    case admin

    /// Every role that may read records (all but admin, whose job is tokens).
    public static let readers: Set<Role> = [.officer, .visaOfficer, .supervisor, .accreditation, .auditor]
}

/// Who sent a request: the name and role of the token it carried. A name has at most one
/// active token, so the name is the client, also after its token was replaced.
public struct Caller: Sendable, Equatable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
