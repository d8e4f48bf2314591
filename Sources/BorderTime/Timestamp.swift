import Foundation

/// An instant with the log's precision: microseconds since 1970-01-01T00:00:00Z, as PostgreSQL
/// keeps `timestamptz`. Integer microseconds, so a value survives a round trip exactly.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    public init(_ date: Date) {
        microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// RFC 3339 in UTC with the fraction only when there is one: `2024-10-20T15:30:00Z`.
    public var description: String {
        let seconds = microseconds.floorDivided(by: 1_000_000)
        let fraction = microseconds - seconds * 1_000_000
        let day = seconds.floorDivided(by: 86_400)
        let civil = CivilDay(daysSinceEpoch: day)
        let secondOfDay = seconds - day * 86_400
        var text = Self.padded(civil.year, 4) + "-" + Self.padded(civil.month, 2) + "-" + Self.padded(civil.day, 2)
        text += "T" + Self.padded(secondOfDay / 3600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
        text += ":" + Self.padded(secondOfDay % 60, 2)
        if fraction != 0 { text += "." + Self.padded(fraction, 6) }
        return text + "Z"
    }

    /// `value` in decimal with leading zeros to `width` digits (a year before 1000, a fraction).
    private static func padded<Value: BinaryInteger>(_ value: Value, _ width: Int) -> String {
        let digits = String(value)
        return value < 0 || digits.count >= width
            ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Parses RFC 3339 (`2024-10-20T15:30:00Z`, `2024-10-20T16:30:00.25+01:00`); nil when malformed.
    public init?(rfc3339 text: String) {
        guard let parsed = RFC3339.parse(text) else { return nil }
        self.microseconds = parsed
    }
}

extension Int64 {
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension Timestamp {
    /// The UTC calendar day this instant falls on.
    public var civilDay: CivilDay { CivilDay(daysSinceEpoch: microseconds.floorDivided(by: 86_400_000_000)) }

    public init(civilDay: CivilDay, secondOfDay: Int64 = 0) {
        microseconds = (civilDay.daysSinceEpoch * 86_400 + secondOfDay) * 1_000_000
    }
}
