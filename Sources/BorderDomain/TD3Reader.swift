/// Reads the fields of a TD3 zone whose line count, lengths and character set are known good.
struct TD3Reader {
    let first: [UInt8]
    let second: [UInt8]
    let reference: CalendarDate

    func read() throws(MRZError) -> TravelDocument {
        let documentCode = try readDocumentCode()

        try verifyCheckDigits()

        let name = try MRZName(first[TD3Layout.name])
        return TravelDocument(
            documentCode: documentCode,
            issuingState: try readStateCode(first[TD3Layout.issuingState], field: MRZField.issuingState),
            primaryIdentifier: name.primaryIdentifier,
            secondaryIdentifiers: name.secondaryIdentifiers,
            documentNumber: try readDocumentNumber(),
            nationality: try readStateCode(second[TD3Layout.nationality], field: MRZField.nationality),
            dateOfBirth: try readDate(TD3Layout.dateOfBirth, field: MRZField.dateOfBirth, MRZ.dateOfBirth),
            sex: try readSex(),
            dateOfExpiry: try readDate(TD3Layout.dateOfExpiry, field: MRZField.dateOfExpiry, MRZ.dateOfExpiry),
            optionalData: Self.text(Self.trimmingTrailingFillers(second[TD3Layout.optionalData])),
            format: .td3
        )
    }

    private func readDocumentCode() throws(MRZError) -> String {
        let code = first[TD3Layout.documentCode]
        guard code.first == UInt8(ascii: "P") else {
            throw MRZError(
                .unsupportedFormat,
                field: MRZField.documentCode,
                reason: "only passports (document code P) are supported"
            )
        }
        guard code.allSatisfy({ MRZ.isLetter($0) || $0 == MRZ.filler }) else {
            throw MRZError(.malformed, field: MRZField.documentCode, reason: "must be letters")
        }
        return Self.text(Self.trimmingTrailingFillers(code))
    }

    private func verifyCheckDigits() throws(MRZError) {
        try verify(TD3Layout.documentNumber, TD3Layout.documentNumberCheck, field: MRZField.documentNumber)
        try verify(TD3Layout.dateOfBirth, TD3Layout.dateOfBirthCheck, field: MRZField.dateOfBirth)
        try verify(TD3Layout.dateOfExpiry, TD3Layout.dateOfExpiryCheck, field: MRZField.dateOfExpiry)

        let optionalData = second[TD3Layout.optionalData]
        let optionalDataCheck = second[TD3Layout.optionalDataCheck]
        let isUnused = optionalData.allSatisfy { $0 == MRZ.filler }
        if !(isUnused && optionalDataCheck == MRZ.filler) {
            try verify(TD3Layout.optionalData, TD3Layout.optionalDataCheck, field: MRZField.optionalData)
        }

        let composite = TD3Layout.compositeCoverage.flatMap { second[$0] }
        try verify(composite, against: second[TD3Layout.compositeCheck], field: MRZField.compositeCheckDigit)
    }

    private func verify(_ range: Range<Int>, _ checkIndex: Int, field: String) throws(MRZError) {
        try verify(second[range], against: second[checkIndex], field: field)
    }

    private func verify(
        _ data: some Collection<UInt8>,
        against check: UInt8,
        field: String
    ) throws(MRZError) {
        guard MRZ.isDigit(check), Int(check - UInt8(ascii: "0")) == MRZ.checkDigit(ofBytes: data) else {
            throw MRZError(.checkDigit, field: field, reason: "check digit does not match")
        }
    }

    private func readDocumentNumber() throws(MRZError) -> String {
        let number = Self.trimmingTrailingFillers(second[TD3Layout.documentNumber])
        guard !number.isEmpty, !number.contains(MRZ.filler) else {
            throw MRZError(
                .malformed,
                field: MRZField.documentNumber,
                reason: "must be letters and digits, left-aligned"
            )
        }
        return Self.text(number)
    }

    private func readStateCode(_ bytes: ArraySlice<UInt8>, field: String) throws(MRZError) -> String {
        let code = Self.trimmingTrailingFillers(bytes)
        guard !code.isEmpty, code.allSatisfy(MRZ.isLetter) else {
            throw MRZError(.malformed, field: field, reason: "must be a code of one to three letters")
        }
        return Self.text(code)
    }

    private func readSex() throws(MRZError) -> TravelDocument.Sex {
        switch second[TD3Layout.sex] {
        case UInt8(ascii: "M"):
            return .male
        case UInt8(ascii: "F"):
            return .female
        case MRZ.filler, UInt8(ascii: "X"):
            return .unspecified
        default:
            throw MRZError(.malformed, field: MRZField.sex, reason: "must be M, F, X or '<'")
        }
    }

    private func readDate(
        _ range: Range<Int>,
        field: String,
        _ resolve: (Int, Int, Int, CalendarDate) -> CalendarDate?
    ) throws(MRZError) -> CalendarDate {
        let digits = second[range]
        let start = digits.startIndex
        guard let year = CalendarDate.decimal(digits[start..<start + 2]),
            let month = CalendarDate.decimal(digits[start + 2..<start + 4]),
            let day = CalendarDate.decimal(digits[start + 4..<start + 6]),
            let date = resolve(year, month, day, reference)
        else {
            throw MRZError(.invalidDate, field: field, reason: "is not a day of the calendar (YYMMDD)")
        }
        return date
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
