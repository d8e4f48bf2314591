import BorderDomain

/// Card and visa zones for tests, and the composite check digit computed from the ranges Doc 9303
/// sets, written here independently of the parser's layouts.
enum CardFixtures {
    static let td1 = [
        "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ]
    static let td2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
    static let mrva = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226B<<<<<<<"]
    static let mrvb = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226"]

    /// The composite coverage as Doc 9303 writes it: (line, first position, last position),
    /// counted from 1. TD1: part 5, 4.2.2; TD2: part 6, 4.2.2; TD3: part 4, 4.2.2.
    static let compositeRanges: [Int: [(line: Int, from: Int, to: Int)]] = [
        30: [(1, 6, 30), (2, 1, 7), (2, 9, 15), (2, 19, 29)],
        36: [(2, 1, 10), (2, 14, 20), (2, 22, 35)],
        44: [(2, 1, 10), (2, 14, 20), (2, 22, 43)],
    ]

    /// Where the composite check digit sits: (line, position), counted from 1.
    static let compositePosition: [Int: (line: Int, position: Int)] = [30: (2, 30), 36: (2, 36), 44: (2, 44)]

    /// The composite check digit of a card or passport zone, from the specification's ranges.
    static func compositeCheckDigit(of lines: [String]) -> Int {
        let covered = compositeRanges[lines[0].count]!.map { range in
            String(Array(lines[range.line - 1])[(range.from - 1)..<range.to])
        }
        return MRZ.checkDigit(of: covered.joined())
    }

    /// `lines` with `text` written into line `line` (from 1) at `position` (from 1).
    static func replacing(_ lines: [String], line: Int, position: Int, with text: String) -> [String] {
        var result = lines
        result[line - 1] = TD3Fixtures.replacing(lines[line - 1], at: position - 1, with: text)
        return result
    }

    /// `lines` with the composite check digit recomputed.
    static func withCompositeCheckDigit(_ lines: [String]) -> [String] {
        let place = compositePosition[lines[0].count]!
        return replacing(lines, line: place.line, position: place.position, with: "\(compositeCheckDigit(of: lines))")
    }
}
