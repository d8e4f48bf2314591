import BorderDomain
import Testing

/// Document numbers of more than nine characters on cards (Doc 9303 part 5, 4.2.4; part 6, 4.2.4).
@Suite struct MRZLongDocumentNumberTests {
    static let reference = TD3Fixtures.reference

    /// The upper line of Doc 9303 part 5's example: `D23145890734`, check digit 9.
    static let td1Example = CardFixtures.withCompositeCheckDigit(
        CardFixtures.replacing(CardFixtures.td1, line: 1, position: 15, with: "<7349")
    )

    static func error(parsing lines: [String]) throws -> MRZError {
        try #require(throws: MRZError.self) { try MRZ.parse(lines, relativeTo: reference) }
    }

    @Test func td1NumberContinuesInTheOptionalData() throws {
        #expect(Self.td1Example[0] == "I<UTOD23145890<7349<<<<<<<<<<<")

        let document = try MRZ.parse(Self.td1Example, relativeTo: Self.reference)

        #expect(document.documentNumber == "D23145890734")
        #expect(document.optionalData == "")
        #expect(document.marks == [.specimen])
    }

    @Test func td2NumberContinuesInTheOptionalData() throws {
        let check = MRZ.checkDigit(of: "D2314589073")
        let number = CardFixtures.replacing(CardFixtures.td2, line: 2, position: 10, with: "<")
        let lines = CardFixtures.withCompositeCheckDigit(
            CardFixtures.replacing(number, line: 2, position: 29, with: "73\(check)")
        )

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.documentNumber == "D2314589073")
        #expect(document.optionalData == "")
    }

    @Test func optionalDataAfterTheNumberIsKept() throws {
        let number = "D231458907345"
        let upper = "<7345\(MRZ.checkDigit(of: number))<ZE184"
        let lines = CardFixtures.withCompositeCheckDigit(
            CardFixtures.replacing(CardFixtures.td1, line: 1, position: 15, with: upper)
        )

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.documentNumber == number)
        #expect(document.optionalData == "ZE184")
    }

    /// Some issuers compute the check digit over the number with the filler that stands in the
    /// check digit's place; such a card is read, and marked.
    @Test func checkDigitOverTheFillerIsAcceptedAndMarked() throws {
        let withFiller = MRZ.checkDigit(of: "D23145890<12")
        try #require(withFiller != MRZ.checkDigit(of: "D2314589012"))
        let lines = CardFixtures.withCompositeCheckDigit(
            CardFixtures.replacing(CardFixtures.td1, line: 1, position: 15, with: "<12\(withFiller)")
        )

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.documentNumber == "D2314589012")
        #expect(document.marks == [.documentNumberCheckDigitCoversFiller, .specimen])
    }

    @Test func wrongCheckDigitOfALongNumberNamesTheDocumentNumber() throws {
        let wrong = (0...9).first {
            $0 != MRZ.checkDigit(of: "D2314589012") && $0 != MRZ.checkDigit(of: "D23145890<12")
        }!
        let lines = CardFixtures.withCompositeCheckDigit(
            CardFixtures.replacing(CardFixtures.td1, line: 1, position: 15, with: "<12\(wrong)")
        )

        let error = try Self.error(parsing: lines)

        #expect(error.code == .checkDigit)
        #expect(error.field == "mrz[0].documentNumber")
    }

    @Test(arguments: ["<<<<", "<12A", "<7<<"])
    func fillerCheckDigitWithoutAContinuationIsMalformed(upper: String) throws {
        let lines = CardFixtures.withCompositeCheckDigit(
            CardFixtures.replacing(CardFixtures.td1, line: 1, position: 15, with: upper)
        )

        let error = try Self.error(parsing: lines)

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[0].documentNumber")
    }

    @Test func passportsHaveNoLongNumbers() throws {
        let line = TD3Fixtures.withCompositeCheckDigit(TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 9, with: "<"))

        let error = try Self.error(parsing: [TD3Fixtures.specimen[0], line])

        #expect(error.code == .checkDigit)
        #expect(error.field == "mrz[1].documentNumber")
    }

    @Test(arguments: [TravelDocument.Format.td1, .td2])
    func generatorWritesLongNumbersTheWayTheSpecificationDoes(format: TravelDocument.Format) throws {
        var document = try MRZ.parse(format == .td1 ? CardFixtures.td1 : CardFixtures.td2, relativeTo: Self.reference)
        document.documentNumber = "D23145890734"

        let lines = MRZ.makeZone(for: document)

        if format == .td1 {
            #expect(lines == Self.td1Example)
        } else {
            #expect(lines[1].hasPrefix("D23145890<UTO7408122F12041597349<<<"))
        }
        #expect(CardFixtures.withCompositeCheckDigit(lines) == lines)
        #expect(try MRZ.parse(lines, relativeTo: Self.reference).documentNumber == "D23145890734")
    }
}
