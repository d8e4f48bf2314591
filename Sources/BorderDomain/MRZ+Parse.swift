extension MRZ {
    /// Reads a TD3 (passport) machine-readable zone and verifies every check digit.
    ///
    /// Dates carry two-digit years. The century is chosen relative to `reference`, which must
    /// be the day of the event the document was presented for (the crossing), never the day
    /// the zone happens to be read again: a replay must give the same dates.
    /// - The date of birth takes the latest century that puts it on or before `reference`.
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
        return try TD3Reader(first: bytes[0], second: bytes[1], reference: reference).read()
    }

    /// Checks the number and length of the lines and their character set, and returns each line
    /// as ASCII bytes.
    static func readLines(_ lines: [String]) throws(MRZError) -> [[UInt8]] {
        let lengths = lines.map { $0.unicodeScalars.count }
        if isOtherFormat(lengths) {
            throw MRZError(
                .unsupportedFormat,
                field: MRZField.zone,
                reason: "only TD3 passport zones (2 lines of 44 characters) are supported"
            )
        }
        guard lines.count == TD3Layout.lineCount else {
            throw MRZError(
                .malformed,
                field: MRZField.zone,
                reason: "expected \(TD3Layout.lineCount) lines, found \(lines.count)"
            )
        }
        var result: [[UInt8]] = []
        for (index, line) in lines.enumerated() {
            guard lengths[index] == TD3Layout.lineLength else {
                throw MRZError(
                    .malformed,
                    field: MRZField.line(index),
                    reason: "expected \(TD3Layout.lineLength) characters, found \(lengths[index])"
                )
            }
            result.append(try readCharacters(of: line, lineIndex: index))
        }
        return result
    }

    private static func readCharacters(of line: String, lineIndex: Int) throws(MRZError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(TD3Layout.lineLength)
        for (position, scalar) in line.unicodeScalars.enumerated() {
            guard scalar.isASCII, characterValue(UInt8(scalar.value)) != nil else {
                throw MRZError(
                    .invalidCharacter,
                    field: MRZField.line(lineIndex),
                    reason: "character \(position + 1) is not one of A-Z, 0-9 and '<'"
                )
            }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    /// Whether the line lengths are those of another Doc 9303 layout: TD1 (3 × 30) or
    /// TD2 and MRV-B (2 × 36).
    private static func isOtherFormat(_ lengths: [Int]) -> Bool {
        lengths == [30, 30, 30] || lengths == [36, 36]
    }
}
