/// Writes fields and check digits into the lines of a zone, for the test generator.
struct MRZWriter {
    let layout: MRZLayout
    private(set) var lines: [[UInt8]]

    init(layout: MRZLayout) {
        self.layout = layout
        lines = Array(repeating: Array(repeating: MRZ.filler, count: layout.lineLength), count: layout.lineCount)
    }

    subscript(slot: MRZSlot) -> ArraySlice<UInt8> {
        lines[slot.line][slot.range]
    }

    /// Writes `text` from the start of `slot`, padded with fillers.
    ///
    /// - Precondition: `text` fits the slot and holds only MRZ characters.
    mutating func write(_ text: String, at slot: MRZSlot) {
        let bytes = Array(text.utf8)
        precondition(bytes.count <= slot.range.count, "a field is longer than its place in the zone")
        precondition(bytes.allSatisfy { MRZ.characterValue($0) != nil }, "fields hold only A-Z, 0-9 and '<'")
        let padding = Array(repeating: MRZ.filler, count: slot.range.count - bytes.count)
        lines[slot.line].replaceSubrange(slot.range, with: bytes + padding)
    }

    /// Writes the check digit of the characters in `data` at `check`.
    mutating func writeCheckDigit(of data: [MRZSlot], at check: MRZSlot) {
        write("\(MRZ.checkDigit(ofBytes: data.flatMap { self[$0] }))", at: check)
    }

    /// Writes a document number and the optional data that follows it. A number longer than nine
    /// characters leaves a filler in place of its check digit and continues in the optional
    /// data, followed by the check digit over the whole number and a filler.
    mutating func writeDocumentNumber(_ number: String, optionalData: String) {
        let optionalSlot = layout.optionalData[0]
        guard number.utf8.count > layout.documentNumber.range.count else {
            write(number, at: layout.documentNumber)
            writeCheckDigit(of: [layout.documentNumber], at: layout.documentNumberCheck)
            write(optionalData, at: optionalSlot)
            return
        }
        precondition(layout.documentNumberExtension != nil, "only TD1 and TD2 carry numbers over nine characters")
        let head = String(number.prefix(layout.documentNumber.range.count))
        let rest = String(number.dropFirst(layout.documentNumber.range.count))
        write(head, at: layout.documentNumber)
        let continuation = rest + "\(MRZ.checkDigit(of: number))"
        write(continuation + (optionalData.isEmpty ? "" : "<" + optionalData), at: optionalSlot)
    }
}
