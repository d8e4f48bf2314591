/// Modelling weights for visitor nationality and purpose (Samoa Bureau of Statistics: New
/// Zealand 40-46 % and Australia 23-32 % of visitors; other rows are estimates). A copy of
/// `shared/data/visitor-mix.csv`, checked against it by a test.
public struct VisitorMix: Sendable {
    public struct Row: Sendable, Equatable {
        public var nationality: String
        public var share: Double
        public var purposes: [(purpose: String, share: Double)]

        public static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.nationality == rhs.nationality && lhs.share == rhs.share
                && lhs.purposes.map(\.purpose) == rhs.purposes.map(\.purpose)
                && lhs.purposes.map(\.share) == rhs.purposes.map(\.share)
        }
    }

    public var rows: [Row]

    public static let samoa = VisitorMix(rows: [
        Row(
            nationality: "NZL", share: 0.43,
            purposes: [("vfr", 0.45), ("holiday", 0.40), ("business", 0.10), ("other", 0.05)]),
        Row(
            nationality: "AUS", share: 0.26,
            purposes: [("holiday", 0.50), ("vfr", 0.35), ("business", 0.10), ("other", 0.05)]),
        Row(
            nationality: "USA", share: 0.12,
            purposes: [("vfr", 0.55), ("holiday", 0.30), ("business", 0.10), ("other", 0.05)]),
        Row(nationality: "CHN", share: 0.03, purposes: [("business", 0.40), ("holiday", 0.40), ("other", 0.20)]),
        Row(
            nationality: "FJI", share: 0.03,
            purposes: [("business", 0.35), ("vfr", 0.35), ("holiday", 0.20), ("other", 0.10)]),
        Row(nationality: "TON", share: 0.02, purposes: [("vfr", 0.60), ("business", 0.20), ("other", 0.20)]),
        Row(nationality: "GBR", share: 0.03, purposes: [("holiday", 0.70), ("vfr", 0.20), ("business", 0.10)]),
        Row(nationality: "DEU", share: 0.02, purposes: [("holiday", 0.85), ("business", 0.15)]),
        Row(nationality: "JPN", share: 0.01, purposes: [("holiday", 0.60), ("business", 0.40)]),
        Row(nationality: "other", share: 0.05, purposes: [("holiday", 0.50), ("business", 0.30), ("vfr", 0.20)]),
    ])

    /// Parses the CSV format of `visitor-mix.csv` (`nationality,share,"purpose share; ...",basis`).
    public static func parse(csv: String) -> VisitorMix {
        var rows = [Row]()
        for line in csv.split(separator: "\n").dropFirst() {
            let quoted = line.split(separator: "\"")
            guard quoted.count >= 2 else { continue }
            let head = quoted[0].split(separator: ",")
            guard head.count >= 2, let share = Double(head[1]) else { continue }
            let purposes = quoted[1].split(separator: ";").compactMap { part -> (String, Double)? in
                let words = part.split(separator: " ")
                guard words.count == 2, let weight = Double(words[1]) else { return nil }
                return (String(words[0]).lowercased(), weight)
            }
            rows.append(Row(nationality: String(head[0]), share: share, purposes: purposes))
        }
        return VisitorMix(rows: rows)
    }
}
