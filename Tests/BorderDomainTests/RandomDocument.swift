import BorderDomain

/// Random documents whose fields all fit the zone of their format, for round trips through the
/// generator and the parser.
struct RandomDocument {
    var generator: SplitMix64

    /// Codes from ISO 3166-1 and from ICAO's additions, of one to three letters.
    static let knownCodes = ["D", "NZL", "GBR", "GBN", "FRA", "XXA", "UNO", "EUE", "RKS", "IND", "TON"]

    /// Characters of the name field, and of the optional data element(s), in each format.
    static let nameLength: [TravelDocument.Format: Int] = [.td1: 30, .td2: 31, .td3: 39, .mrva: 39, .mrvb: 31]
    static let optionalLengths: [TravelDocument.Format: [Int]] = [
        .td1: [15, 11], .td2: [7], .td3: [14], .mrva: [16], .mrvb: [8],
    ]

    mutating func text(_ count: ClosedRange<Int>, from alphabet: String) -> String {
        let length = Int.random(in: count, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    mutating func letters(_ count: ClosedRange<Int>) -> String {
        text(count, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    }

    mutating func alphanumerics(_ count: ClosedRange<Int>) -> String {
        text(count, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &generator) < percent
    }

    mutating func names(fitting length: Int) -> (primary: [String], secondary: [String]) {
        var primary = (0..<Int.random(in: 1...3, using: &generator)).map { _ in letters(1...12) }
        var secondary = (0..<Int.random(in: 0...4, using: &generator)).map { _ in letters(1...10) }
        while primary.joined().count + primary.count - 1 + secondary.joined().count + secondary.count + 1 > length {
            if secondary.isEmpty { primary.removeLast() } else { secondary.removeLast() }
        }
        return (primary, secondary)
    }

    /// A date of birth on or before `reference`, within a century of it; now and then with its
    /// day, or its month and day, or all of it unknown.
    mutating func dateOfBirth(relativeTo reference: CalendarDate) -> PartialDate {
        var birth = MRZGeneratorTests.randomDate(years: reference.year - 99...reference.year, using: &generator)
        if birth > reference {
            birth = CalendarDate(year: birth.year - 1, month: birth.month, day: min(birth.day, 28))!
        }
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<10: return PartialDate(year: birth.year, month: birth.month, day: nil)!
        case 10..<15: return PartialDate(year: birth.year, month: nil, day: nil)!
        case 15..<17: return PartialDate(year: nil, month: nil, day: nil)!
        default: return PartialDate(birth)
        }
    }

    mutating func documentCode(_ format: TravelDocument.Format) -> String {
        let first: String
        switch format {
        case .td1, .td2: first = ["A", "C", "I"].randomElement(using: &generator)!
        case .td3: first = "P"
        case .mrva, .mrvb: first = "V"
        }
        let second = text(
            1...1, from: format == .td1 || format == .td2 ? "ABCDEFGHIJKLMNOPQRSTUWXYZ" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return chance(50) ? first : first + second
    }
}
