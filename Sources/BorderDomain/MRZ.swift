/// Reading and writing machine-readable zones of travel documents (ICAO Doc 9303).
public enum MRZ {
    /// The check digit of a run of MRZ characters (Doc 9303 part 3, 4.9): digits count as
    /// themselves, `A` through `Z` as 10 through 35, the filler `<` as 0; the values are
    /// weighted 7, 3, 1 in turn and the sum is taken modulo 10.
    ///
    /// - Precondition: `text` contains only `A`–`Z`, `0`–`9` and `<`.
    public static func checkDigit(of text: some StringProtocol) -> Int {
        checkDigit(ofBytes: text.utf8)
    }

    static func checkDigit(ofBytes bytes: some Sequence<UInt8>) -> Int {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, byte) in bytes.enumerated() {
            guard let value = characterValue(byte) else {
                preconditionFailure("check digits cover only A-Z, 0-9 and '<'")
            }
            sum += value * weights[index % 3]
        }
        return sum % 10
    }

    /// The numeric value of an MRZ character, or `nil` for a character outside the MRZ set.
    static func characterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return Int(byte - UInt8(ascii: "A")) + 10
        case filler:
            return 0
        default:
            return nil
        }
    }

    /// The filler character `<`.
    static let filler = UInt8(ascii: "<")

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
