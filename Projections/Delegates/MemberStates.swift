import Foundation

/// A member state of the Commonwealth: its ISO 3166-1 alpha-3 code (the same as its ICAO code
/// for every member), name and region.
public struct MemberState: Sendable, Equatable {
    public var code: String
    public var name: String
    public var region: String
}

extension Delegates {
    /// The 56 member states at the 2024 summit (Apia, 21-26 October 2024): reference data that
    /// queries join so that a delegation with no delegate is listed too; the log never says who
    /// the members are. A copy of `../shared/data/commonwealth-members.csv` bundled with the build
    /// (source: the Commonwealth Secretariat's member list; codes from ISO 3166-1).
    public static func memberStates() throws -> [MemberState] {
        guard let members = bundledMembers else {
            throw ProjectionError(.missingResource, "summit-delegates: commonwealth-members.csv missing from the build")
        }
        return members
    }

    private static let bundledMembers: [MemberState]? = Bundle.module
        .url(forResource: "commonwealth-members", withExtension: "csv")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        .flatMap(parseMembers)

    /// `iso3,name,region` with a header row; nil when a record is not three fields.
    static func parseMembers(_ text: String) -> [MemberState]? {
        var members = [MemberState]()
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            members.append(MemberState(code: fields[0], name: fields[1], region: fields[2]))
        }
        return members
    }
}
