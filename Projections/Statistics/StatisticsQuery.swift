import BorderTime

/// The validated parameters of a statistics query: a range of occurred days and the dimensions
/// to group by, in the order asked.
struct StatisticsQuery {
    /// The longest range a query may span, in days (ten years and a little).
    static let maximumDays: Int64 = 3660

    var from: CivilDay
    var to: CivilDay
    var groupBy: [String]

    /// Checks the range and that every dimension is one of `known`, once; the error names the
    /// parameter at fault (`from`, `to` or `groupBy`) and repeats nothing the client sent.
    init(from: CivilDay, to: CivilDay, groupBy: [String], known: [String]) throws(ProjectionError) {
        guard from.isValid else { throw Self.invalid("from: not a real date") }
        guard to.isValid else { throw Self.invalid("to: not a real date") }
        let days = to.daysSinceEpoch - from.daysSinceEpoch + 1
        guard days >= 1 else { throw Self.invalid("to: comes before from") }
        guard days <= Self.maximumDays else {
            throw Self.invalid("to: the range spans \(days) days; at most \(Self.maximumDays)")
        }
        for (index, dimension) in groupBy.enumerated() {
            // Name the dimension by its place, never by what was sent (it could be anything).
            guard known.contains(dimension) else {
                throw Self.invalid("groupBy: dimension \(index + 1) is not one of \(known.joined(separator: ", "))")
            }
            guard !groupBy[..<index].contains(dimension) else {
                throw Self.invalid("groupBy: dimension \(index + 1) repeats an earlier one")
            }
        }
        self.from = from
        self.to = to
        self.groupBy = groupBy
    }

    static func invalid(_ message: String) -> ProjectionError { ProjectionError(.invalidParameter, message) }

    /// Whether the range is whole calendar months, so that monthly counts answer it.
    var isWholeMonths: Bool {
        from.day == 1 && to.adding(days: 1).day == 1
    }
}
