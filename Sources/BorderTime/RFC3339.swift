/// A strict RFC 3339 parser: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
enum RFC3339 {
    static func parse(_ text: String) -> Int64? {
        var scanner = DateScanner(Array(text.utf8))
        guard let civil = scanner.civilDay(), scanner.skip("T") || scanner.skip("t"),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var micros: Int64 = 0
        if scanner.skip(".") {
            guard let fraction = scanner.fraction() else { return nil }
            micros = fraction
        }
        guard let offset = scanner.offsetSeconds(), scanner.atEnd else { return nil }
        let seconds = civil.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return seconds * 1_000_000 + micros
    }
}
