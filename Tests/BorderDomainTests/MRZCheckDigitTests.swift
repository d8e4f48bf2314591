import Testing

@testable import BorderDomain

@Suite struct MRZCheckDigitTests {
    /// Positions of line 2 covered by a check digit, with the check digits themselves.
    static let coveredPositions = Array(0...9) + Array(13...19) + Array(21...43)

    /// Positions holding letters, digits or fillers (document number, optional data), where a
    /// substitution by a character of the same value modulo 10 changes no check digit.
    static let alphanumericPositions = Set(Array(0..<9) + Array(28..<42))

    static func value(_ character: Character) -> Int {
        MRZ.characterValue(character.asciiValue!)!
    }

    @Test(arguments: coveredPositions)
    func everyDetectableSubstitutionIsRefused(position: Int) {
        let original = Array(TD3Fixtures.specimen[1])[position]
        for replacement in TD3Fixtures.allowedCharacters where replacement != original {
            let isInvisible =
                Self.alphanumericPositions.contains(position)
                && (Self.value(replacement) - Self.value(original)) % 10 == 0
            if isInvisible {
                continue
            }
            let line = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: position, with: String(replacement))

            #expect(throws: MRZError.self, "position \(position) as \(replacement)") {
                try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: TD3Fixtures.reference)
            }
        }
    }

    /// The ICAO scheme weighs 7, 3, 1 and sums modulo 10, so `0`, `A`, `K`, `U` and `<` (values
    /// 0, 10, 20, 30, 0) are interchangeable to every check digit. This pins that known limit.
    @Test func substitutionsCongruentModuloTenAreInvisibleToCheckDigits() throws {
        let line = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 5, with: "K")

        let document = try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: TD3Fixtures.reference)

        #expect(document.documentNumber == "L8989K2C3")
    }

    @Test func fillerInsideTheDocumentNumberIsRefusedEvenWhenCheckDigitsAgree() throws {
        let line = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 5, with: "<")

        let error = try #require(throws: MRZError.self) {
            try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: TD3Fixtures.reference)
        }

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[1].documentNumber")
    }

    @Test(arguments: [
        (9, "mrz[1].documentNumber"), (19, "mrz[1].dateOfBirth"), (27, "mrz[1].dateOfExpiry"),
        (42, "mrz[1].optionalData"), (43, "mrz[1].compositeCheckDigit"),
    ])
    func wrongCheckDigitNamesItsField(position: Int, field: String) throws {
        let original = Array(TD3Fixtures.specimen[1])[position]
        let wrong = original == "0" ? "1" : "0"
        let line = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: position, with: wrong)

        let error = try #require(throws: MRZError.self) {
            try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: TD3Fixtures.reference)
        }

        #expect(error.code == .checkDigit)
        #expect(error.field == field)
    }

    @Test(arguments: ["<", "0"])
    func unusedOptionalDataMayHaveFillerOrZeroCheckDigit(check: String) throws {
        let blank = TD3Fixtures.specimen(line2Offset: 28, text: String(repeating: "<", count: 14))
        var line = TD3Fixtures.replacing(blank[1], at: 42, with: check)
        line = TD3Fixtures.withCompositeCheckDigit(line)

        let document = try MRZ.parse([blank[0], line], relativeTo: TD3Fixtures.reference)

        #expect(document.optionalData == "")
    }

    @Test func usedOptionalDataNeedsADigitCheck() {
        let filler = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 42, with: "<")
        let line = TD3Fixtures.withCompositeCheckDigit(filler)

        #expect(throws: MRZError.self) {
            try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: TD3Fixtures.reference)
        }
    }
}
