/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's days-from-civil algorithm).
public struct CivilDay: Sendable, Hashable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var daysSinceEpoch: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return CivilDay(daysSinceEpoch: daysSinceEpoch) == self
    }
}

extension CivilDay: CustomStringConvertible {
    /// ISO 8601 `YYYY-MM-DD`, as stored in events.
    public var description: String {
        let year = String(year)
        let month = month < 10 ? "0\(month)" : "\(month)"
        let day = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(month)-\(day)"
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: String) {
        var text = text
        guard let (year, month, day) = text.withUTF8(Self.parseISO) else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// `YYYY-MM-DD`, ASCII digits only (no sign, no space), year 0001 to 9999, read in place:
    /// every event a projector decodes holds a few dates.
    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int64, Int64, Int64)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        // Year 0000 exists in ISO 8601 but not in PostgreSQL's date, where it would stop every
        // read model that casts it: years 0001 to 9999 only.
        guard let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        return (year, month, day)
    }
}
