/// A day in the proleptic Gregorian calendar, without a time or a time zone.
///
/// Travel documents carry dates of birth and expiry as plain days; comparing them to the day
/// of a crossing must not depend on where or when the comparison runs.
public struct CalendarDate: Hashable, Sendable {
    /// The year, 1 through 9999.
    public let year: Int
    /// The month, 1 through 12.
    public let month: Int
    /// The day of the month, 1 through the length of that month.
    public let day: Int

    /// Creates a date, or returns `nil` if the day does not exist in the calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.isValid(year: year, month: month, day: day) else {
            return nil
        }
        self.init(unchecked: year, month, day)
    }

    /// Creates a value without validation, for comparisons against bounds that need not
    /// be real days (29 February moved to a common year).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the year, month and day name a real day between 0001-01-01 and 9999-12-31.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            return false
        }
        return (1...numberOfDays(inMonth: month, year: year)).contains(day)
    }

    /// Whether the year has a 29 February in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (1 through 12) of a year.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        precondition((1...12).contains(month), "month must be 1 through 12")
        switch month {
        case 2:
            return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
