extension MRZ {
    /// Reads a machine-readable zone and verifies every check digit: a TD1 card (3 × 30), a TD2
    /// card (2 × 36), a TD3 passport (2 × 44), or a visa, MRV-A (2 × 44) or MRV-B (2 × 36), told
    /// apart from the card and the passport by its document code `V`.
    ///
    /// Dates carry two-digit years. The century is chosen relative to `reference`, which must
    /// be the day of the event the document was presented for (the crossing), never the day
    /// the zone happens to be read again: a replay must give the same dates.
    /// - The date of birth takes the latest century that puts it on or before `reference`; when
    ///   only its year (or year and month) is known, the earliest day it may be.
    /// - The date of expiry takes the century that puts it within 50 years either side of
    ///   `reference` (from 50 years before, up to but excluding 50 years after).
    ///
    /// - Parameters:
    ///   - lines: The lines of the zone, top first, without line terminators.
    ///   - reference: The day of the event.
    /// - Throws: `MRZError` naming the first field at fault.
    public static func parse(
        _ lines: [String],
        relativeTo reference: CalendarDate
    ) throws(MRZError) -> TravelDocument {
        let bytes = try readLines(lines)
        return try MRZReader(layout: layout(of: bytes), lines: bytes, reference: reference).read()
    }

    /// The layout the line lengths and the first character name.
    private static func layout(of lines: [[UInt8]]) -> MRZLayout {
        let isVisa = lines[0].first == UInt8(ascii: "V")
        switch lines[0].count {
        case MRZLayout.td1.lineLength: return .td1
        case MRZLayout.td2.lineLength: return isVisa ? .mrvb : .td2
        default: return isVisa ? .mrva : .td3
        }
    }

    /// Checks the number and length of the lines and their character set, and returns each line
    /// as ASCII bytes.
    static func readLines(_ lines: [String]) throws(MRZError) -> [[UInt8]] {
        let lengths = lines.map { $0.unicodeScalars.count }
        let expected = try expectedLength(lengths)
        var result: [[UInt8]] = []
        for (index, line) in lines.enumerated() {
            guard lengths[index] == expected else {
                throw MRZError(
                    .malformed,
                    field: MRZLayout.lineField(index),
                    reason: "expected \(expected) characters, found \(lengths[index])"
                )
            }
            result.append(try readCharacters(of: line, lineIndex: index))
        }
        return result
    }

    /// The length every line must have: 30 for three lines; 36 or 44, as the first line says,
    /// for two.
    private static func expectedLength(_ lengths: [Int]) throws(MRZError) -> Int {
        if lengths.count == MRZLayout.td1.lineCount, lengths[0] == MRZLayout.td1.lineLength {
            return MRZLayout.td1.lineLength
        }
        if lengths.count == 2 {
            return [MRZLayout.td2.lineLength, MRZLayout.td3.lineLength].contains(lengths[0])
                ? lengths[0] : MRZLayout.td3.lineLength
        }
        throw MRZError(
            .malformed,
            field: MRZLayout.zoneField,
            reason: "expected 3 lines of 30 characters or 2 lines of 36 or 44, found \(lengths.count) lines"
        )
    }

    private static func readCharacters(of line: String, lineIndex: Int) throws(MRZError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        for (position, scalar) in line.unicodeScalars.enumerated() {
            guard scalar.isASCII, characterValue(UInt8(scalar.value)) != nil else {
                throw MRZError(
                    .invalidCharacter,
                    field: MRZLayout.lineField(lineIndex),
                    reason: "character \(position + 1) is not one of A-Z, 0-9 and '<'"
                )
            }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
