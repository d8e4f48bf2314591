import Foundation

extension MRZ {
    /// A name written in MRZ characters (Doc 9303 part 3, 6.A): upper-case `A`–`Z`, with `<`
    /// between its parts.
    ///
    /// Letters with diacritics lose them, except those Doc 9303 writes otherwise (`Ä` as `AE`,
    /// `ß` as `SS`, `Ł` as `L`); spaces, hyphens and commas separate parts; apostrophes and
    /// other marks are left out.
    static func transliteratedName(_ name: String) -> String {
        transliterated(name, separator: UInt8(ascii: "<"))
    }

    /// The letters of `name` as Doc 9303 writes them, its parts joined by single `separator`s.
    /// Every letter written is ASCII; ASCII input, what almost every name on record is, takes
    /// no lookup and no decomposition.
    private static func transliterated(_ name: String, separator: UInt8) -> String {
        var result = [UInt8]()
        result.reserveCapacity(name.utf8.count)
        var separated = false
        func append(_ letter: Unicode.Scalar) {
            if separated && !result.isEmpty { result.append(separator) }
            separated = false
            result.append(UInt8(letter.value))
        }
        for scalar in name.uppercased().unicodeScalars {
            if scalar.isASCII {
                if ("A"..."Z").contains(scalar) {
                    append(scalar)
                } else if partSeparators.contains(scalar) {
                    separated = true
                }
            } else if let letters = transliterations[scalar] {
                letters.unicodeScalars.forEach(append)
            } else if let letter = baseLetter(of: scalar) {
                append(letter)
            } else if partSeparators.contains(scalar) {
                separated = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func baseLetter(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        return ("A"..."Z").contains(base) ? base : nil
    }

    private static let partSeparators: Set<Unicode.Scalar> = [" ", "-", ",", "\u{2010}", "\u{2011}", "\u{00A0}"]

    /// Letters that canonical decomposition does not reduce to the letter Doc 9303 asks for.
    private static let transliterations: [Unicode.Scalar: String] = [
        "Ä": "AE", "Å": "AA", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Ü": "UE", "Œ": "OE",
        "ẞ": "SS", "Þ": "TH", "Ĳ": "IJ", "Ð": "D", "Đ": "D", "Ł": "L", "Ħ": "H", "Ŧ": "T",
    ]
}

extension MRZ {
    /// A name as name searches compare it: transliterated as an MRZ writes it (`MÜLLER` is
    /// `MUELLER`), its parts separated by single spaces.
    public static func searchForm(of name: String) -> String {
        transliterated(name, separator: UInt8(ascii: " "))
    }
}
