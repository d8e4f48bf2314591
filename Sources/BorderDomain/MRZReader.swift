/// Reads the fields of a zone whose line count, lengths and character set are known good, in
/// the layout of its format.
struct MRZReader {
    let layout: MRZLayout
    let lines: [[UInt8]]
    let reference: CalendarDate

    func read() throws(MRZError) -> TravelDocument {
        let documentCode = try readDocumentCode()
        let number = try readDocumentNumber()
        try verifyCheckDigits()

        let issuingState = try readStateCode(layout.issuingState, name: "issuingState")
        let nationality = try readStateCode(layout.nationality, name: "nationality")
        let name = try MRZName(self[layout.name], field: layout.name.field("name"))
        let birth = try readDateOfBirth()
        let sex = try readSex()
        var marks = number.marks
        if issuingState == CountryCodes.specimenState || nationality == CountryCodes.specimenState {
            marks.append(.specimen)
        }
        marks += observedMarks(name: name, birth: birth)
        return TravelDocument(
            documentCode: documentCode, issuingState: issuingState,
            primaryIdentifier: name.primaryIdentifier, secondaryIdentifiers: name.secondaryIdentifiers,
            documentNumber: number.text, nationality: nationality, dateOfBirth: birth, sex: sex,
            dateOfExpiry: try readDateOfExpiry(), optionalData: number.optionalData ?? optionalData(0),
            additionalOptionalData: optionalData(1), format: layout.format, marks: marks
        )
    }

    /// The marks of the sex, the name and the date of birth, in that order.
    private func observedMarks(name: MRZName, birth: PartialDate) -> [TravelDocument.Mark] {
        var marks: [TravelDocument.Mark] = []
        if self[layout.sex].first == UInt8(ascii: "X") {
            marks.append(.sexWrittenAsX)
        }
        if name.fillsItsField {
            marks.append(.nameMayBeTruncated)
        }
        if !birth.isComplete {
            marks.append(.dateOfBirthPartlyUnknown)
        }
        return marks
    }

    /// The characters of a slot.
    subscript(slot: MRZSlot) -> ArraySlice<UInt8> {
        lines[slot.line][slot.range]
    }

    /// The optional data element at `index`, without trailing fillers; empty if the layout has none.
    private func optionalData(_ index: Int) -> String {
        guard index < layout.optionalData.count else { return "" }
        return Self.text(Self.trimmingTrailingFillers(self[layout.optionalData[index]]))
    }

    static func trimmingTrailingFillers(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == MRZ.filler {
            end -= 1
        }
        return bytes[bytes.startIndex..<end]
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
