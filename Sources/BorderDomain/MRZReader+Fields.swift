extension MRZReader {
    func readDocumentCode() throws(MRZError) -> String {
        let code = self[layout.documentCode]
        let field = layout.documentCode.field("documentCode")
        guard let first = code.first, layout.documentCodeLetters.contains(first) else {
            let letters = layout.documentCodeLetters.sorted().map { String(UnicodeScalar($0)) }
            throw MRZError(
                .malformed,
                field: field,
                reason: "a \(layout.format.rawValue) zone starts with \(letters.joined(separator: ", "))"
            )
        }
        guard code.allSatisfy({ MRZ.isLetter($0) || $0 == MRZ.filler }) else {
            throw MRZError(.malformed, field: field, reason: "must be letters")
        }
        // Doc 9303 part 5, 4.2.2.1: on a card, a second character V would read as a visa.
        let isCard = layout.format == .td1 || layout.format == .td2
        if isCard, code.last == UInt8(ascii: "V") {
            throw MRZError(.malformed, field: field, reason: "a card's document code has no V as second letter")
        }
        return Self.text(Self.trimmingTrailingFillers(code))
    }

    /// A state or organisation code: letters followed only by fillers (`D<<`), known to ISO
    /// 3166-1 or ICAO.
    func readStateCode(_ slot: MRZSlot, name: String) throws(MRZError) -> String {
        let field = slot.field(name)
        let code = Self.trimmingTrailingFillers(self[slot])
        guard !code.isEmpty, code.allSatisfy(MRZ.isLetter) else {
            throw MRZError(.malformed, field: field, reason: "must be a code of one to three letters")
        }
        let text = Self.text(code)
        guard try CountryCodes.isKnown(text, field: field) else {
            throw MRZError(.unknownCode, field: field, reason: "is neither an ISO 3166-1 nor an ICAO code")
        }
        return text
    }

    func readSex() throws(MRZError) -> TravelDocument.Sex {
        switch self[layout.sex].first {
        case UInt8(ascii: "M"):
            return .male
        case UInt8(ascii: "F"):
            return .female
        case MRZ.filler, UInt8(ascii: "X"):
            return .unspecified
        default:
            throw MRZError(.malformed, field: layout.sex.field("sex"), reason: "must be M, F, X or '<'")
        }
    }
}
