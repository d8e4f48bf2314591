/// A date of which some parts may be unknown, as a date of birth in a machine-readable zone
/// written with fillers (`74<<<<`, `7408<<`).
public struct PartialDate: Sendable, Hashable {
    public let year: Int?
    public let month: Int?
    public let day: Int?

    /// A fully known date.
    public init(_ date: CalendarDate) {
        year = date.year
        month = date.month
        day = date.day
    }

    /// Creates a date from its known parts, or returns `nil` if the known parts cannot belong to
    /// a day of the calendar (month 13, day 41, 30 February, 29 February of a common year).
    public init?(year: Int?, month: Int?, day: Int?) {
        if let year, !(1...9999).contains(year) { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            let longest = month.map { CalendarDate.numberOfDays(inMonth: $0, year: year ?? 2000) } ?? 31
            guard (1...longest).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date, when every part is known.
    public var calendarDate: CalendarDate? {
        guard let year, let month, let day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Whether every part is known.
    public var isComplete: Bool {
        calendarDate != nil
    }
}

extension PartialDate: CustomStringConvertible {
    /// ISO 8601 `YYYY-MM-DD` with each unknown part written as `X`: `1974-08-12`, `1974-08-XX`,
    /// `1974-XX-XX`.
    public var description: String {
        [(year, 4), (month, 2), (day, 2)].map { part, width in
            guard let part else { return String(repeating: "X", count: width) }
            let digits = String(part)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }.joined(separator: "-")
    }
}

extension PartialDate {
    /// Parses the form `description` writes (`1974-08-XX`); returns `nil` for any other shape or
    /// for known parts that cannot belong to a day of the calendar.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.utf8.count) == [4, 2, 2] else { return nil }
        var values: [Int?] = []
        for part in parts {
            if part.allSatisfy({ $0 == "X" }) {
                values.append(nil)
            } else if let value = CalendarDate.decimal(ArraySlice(part.utf8)) {
                values.append(value)
            } else {
                return nil
            }
        }
        self.init(year: values[0], month: values[1], day: values[2])
    }
}
