@testable import BorderDomain

/// The TD3 specimen of ICAO Doc 9303 part 4, and helpers to build variants of it.
enum TD3Fixtures {
    static let specimen = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]

    static let reference = CalendarDate(year: 2024, month: 10, day: 20)!

    static let allowedCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")

    /// `line` with `text` written from `offset` on.
    static func replacing(_ line: String, at offset: Int, with text: String) -> String {
        var characters = Array(line)
        characters.replaceSubrange(offset..<offset + text.count, with: text)
        return String(characters)
    }

    /// A second line with every check digit recomputed from the data it covers.
    static func withCheckDigits(_ line: String) -> String {
        var characters = Array(line)
        for (range, check) in [(0..<9, 9), (13..<19, 19), (21..<27, 27), (28..<42, 42)] {
            characters[check] = Character("\(MRZ.checkDigit(of: String(characters[range])))")
        }
        return withCompositeCheckDigit(String(characters))
    }

    /// A second line with only the composite check digit recomputed.
    static func withCompositeCheckDigit(_ line: String) -> String {
        var characters = Array(line)
        let composite = MRZLayout.td3.compositeCoverage.map { String(characters[$0.range]) }.joined()
        characters[43] = Character("\(MRZ.checkDigit(of: composite))")
        return String(characters)
    }

    /// The specimen with `text` written into line 2 at `offset`, check digits recomputed.
    static func specimen(line2Offset offset: Int, text: String) -> [String] {
        [specimen[0], withCheckDigits(replacing(specimen[1], at: offset, with: text))]
    }
}
