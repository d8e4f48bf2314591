/// A port of entry where crossings are recorded (`../shared/data/ports.csv`).
public struct Port: Sendable, Hashable {
    public enum Kind: String, Sendable { case air, sea }

    public var code: String
    public var name: String
    public var kind: Kind

    /// Samoa's international ports of entry.
    public static let samoa: [Port] = [
        Port(code: "APW", name: "Faleolo International Airport", kind: .air),
        Port(code: "FGI", name: "Fagali'i Airport", kind: .air),
        Port(code: "WSAPW", name: "Port of Apia (Matautu)", kind: .sea),
    ]

    public static func named(_ code: String, among ports: [Port] = samoa) -> Port? {
        ports.first { $0.code == code }
    }
}
