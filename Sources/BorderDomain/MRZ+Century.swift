extension MRZ {
    /// The year of birth with a two-digit year: the latest century that puts the day (month, day)
    /// on or before `reference`. The day need not exist; an unknown month or day counts as 1,
    /// the earliest it may be.
    static func yearOfBirth(
        yearInCentury: Int,
        month: Int,
        day: Int,
        relativeTo reference: CalendarDate
    ) -> Int {
        let sameCentury = reference.year - reference.year % 100 + yearInCentury
        let candidate = CalendarDate(unchecked: sameCentury, month, day)
        return candidate <= reference ? sameCentury : sameCentury - 100
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
