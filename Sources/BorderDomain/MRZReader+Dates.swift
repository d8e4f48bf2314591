extension MRZReader {
    /// The date of birth. Doc 9303 part 3, 4.6.5 writes an unknown year, month or day as two
    /// fillers: `74<<<<` is a birth in 1974, `7408<<` in August 1974. A part half digits and
    /// half fillers, a month 13 or a day 41 refuse the document.
    func readDateOfBirth() throws(MRZError) -> PartialDate {
        let field = layout.dateOfBirth.field("dateOfBirth")
        guard let parts = Self.parts(of: self[layout.dateOfBirth]) else {
            throw Self.invalidDate(field)
        }
        let year = parts.year.map {
            MRZ.yearOfBirth(yearInCentury: $0, month: parts.month ?? 1, day: parts.day ?? 1, relativeTo: reference)
        }
        guard let date = PartialDate(year: year, month: parts.month, day: parts.day) else {
            throw Self.invalidDate(field)
        }
        return date
    }

    /// The date of expiry, which must be fully known.
    func readDateOfExpiry() throws(MRZError) -> CalendarDate {
        let field = layout.dateOfExpiry.field("dateOfExpiry")
        guard let parts = Self.parts(of: self[layout.dateOfExpiry]),
            let year = parts.year, let month = parts.month, let day = parts.day,
            let date = MRZ.dateOfExpiry(yearInCentury: year, month: month, day: day, relativeTo: reference)
        else {
            throw Self.invalidDate(field)
        }
        return date
    }

    /// The year in century, month and day of a `YYMMDD` field, each `nil` where written `<<`;
    /// `nil` if a part is neither two digits nor two fillers.
    private static func parts(of field: ArraySlice<UInt8>) -> (year: Int?, month: Int?, day: Int?)? {
        var values: [Int?] = []
        for start in stride(from: field.startIndex, to: field.endIndex, by: 2) {
            let pair = field[start..<start + 2]
            if pair.allSatisfy({ $0 == MRZ.filler }) {
                values.append(nil)
            } else if let value = CalendarDate.decimal(pair) {
                values.append(value)
            } else {
                return nil
            }
        }
        return (values[0], values[1], values[2])
    }

    private static func invalidDate(_ field: String) -> MRZError {
        MRZError(.invalidDate, field: field, reason: "is not a day of the calendar (YYMMDD, unknown parts '<<')")
    }
}
