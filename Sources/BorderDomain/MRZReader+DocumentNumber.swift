extension MRZReader {
    /// A document number read with its check digit verified.
    struct DocumentNumber {
        var text: String
        /// The optional data left after a long number's continuation; `nil` for a short number.
        var optionalData: String?
        var marks: [TravelDocument.Mark] = []
    }

    /// Reads the document number. A number of more than nine characters (TD1, TD2) fills the
    /// number field, leaves a filler in the check digit's place and continues in the optional
    /// data, followed by the check digit over the whole number and a filler (Doc 9303 part 5,
    /// 4.2.4).
    func readDocumentNumber() throws(MRZError) -> DocumentNumber {
        let field = layout.documentNumber.field("documentNumber")
        let head = self[layout.documentNumber]
        let check = self[layout.documentNumberCheck]
        if check.first == MRZ.filler, let slot = layout.documentNumberExtension {
            return try readLongDocumentNumber(head, continuedIn: slot, field: field)
        }
        try verify(head, against: check.first!, field: field)
        let number = Self.trimmingTrailingFillers(head)
        guard !number.isEmpty, !number.contains(MRZ.filler) else {
            throw MRZError(.malformed, field: field, reason: "must be letters and digits, left-aligned")
        }
        return DocumentNumber(text: Self.text(number))
    }

    private func readLongDocumentNumber(
        _ head: ArraySlice<UInt8>,
        continuedIn slot: MRZSlot,
        field: String
    ) throws(MRZError) -> DocumentNumber {
        let optional = self[slot]
        let tail = optional.prefix { $0 != MRZ.filler }
        guard !head.contains(MRZ.filler), tail.count >= 2, let check = tail.last, MRZ.isDigit(check) else {
            throw MRZError(
                .malformed,
                field: field,
                reason: "a filler in place of the check digit must be followed by the rest of the number and its check"
            )
        }
        let rest = tail.dropLast()
        let number = Array(head) + rest
        var marks: [TravelDocument.Mark] = []
        if !Self.matches(number, check) {
            try verify(Array(head) + [MRZ.filler] + rest, against: check, field: field)
            marks.append(.documentNumberCheckDigitCoversFiller)
        }
        let remaining = Self.trimmingTrailingFillers(optional[tail.endIndex...].dropFirst())
        return DocumentNumber(text: Self.text(number[...]), optionalData: Self.text(remaining), marks: marks)
    }
}
