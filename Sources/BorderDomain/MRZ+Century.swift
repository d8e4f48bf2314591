extension MRZ {
    /// The date of birth with a two-digit year: the latest century that puts the day on or
    /// before `reference`, or `nil` if that day does not exist.
    static func dateOfBirth(
        yearInCentury: Int,
        month: Int,
        day: Int,
        relativeTo reference: CalendarDate
    ) -> CalendarDate? {
        let sameCentury = reference.year - reference.year % 100 + yearInCentury
        let candidate = CalendarDate(unchecked: sameCentury, month, day)
        let year = candidate <= reference ? sameCentury : sameCentury - 100
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The date of expiry with a two-digit year: the century that puts the day in
    /// [reference − 50 years, reference + 50 years), or `nil` if that day does not exist.
    static func dateOfExpiry(
        yearInCentury: Int,
        month: Int,
        day: Int,
        relativeTo reference: CalendarDate
    ) -> CalendarDate? {
        let earliest = CalendarDate(unchecked: reference.year - 50, reference.month, reference.day)
        var year = reference.year - reference.year % 100 - 100 + yearInCentury
        while CalendarDate(unchecked: year, month, day) < earliest {
            year += 100
        }
        return CalendarDate(year: year, month: month, day: day)
    }
}
