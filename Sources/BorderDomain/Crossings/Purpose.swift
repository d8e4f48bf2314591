/// The purpose of a visit, as the traveller declared it.
public enum Purpose: String, Sendable, CaseIterable {
    case holiday
    case visitingFriendsAndRelatives = "vfr"
    case business
    case official
    case study
    case work
    case transit
    case returningResident = "resident"
    case other
}
