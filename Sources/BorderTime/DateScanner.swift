/// Reads dates and times of ASCII digits, one field after another, for `RFC3339` and
/// `CivilDay(iso:)`: no sign, no space, exactly the digits each field has.
struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// `YYYY-MM-DD`, a day that exists, years 0001 to 9999: year 0000 exists in ISO 8601 but not
    /// in PostgreSQL's date, where it would stop every read model that casts it.
    mutating func civilDay() -> CivilDay? {
        guard let year = number(digits: 4), year >= 1, skip("-"), let month = number(digits: 2), skip("-"),
            let day = number(digits: 2)
        else { return nil }
        let civil = CivilDay(year: year, month: month, day: day)
        return civil.isValid ? civil : nil
    }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ literal: Character) -> Bool {
        guard index < bytes.count, bytes[index] == literal.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    /// Up to six digits are kept (microseconds); more are accepted and truncated.
    mutating func fraction() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            if count < 6 { value = value * 10 + Int64(bytes[index] - 48) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 6) { value *= 10 }
        return value
    }

    mutating func offsetSeconds() -> Int64? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int64
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2), skip(":"), let minutes = number(digits: 2),
            hours < 24, minutes < 60
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
