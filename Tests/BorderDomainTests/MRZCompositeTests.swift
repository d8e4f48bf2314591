import BorderDomain
import Testing

@Suite struct MRZCompositeTests {
    static let reference = TD3Fixtures.reference

    @Test(arguments: [CardFixtures.td1, CardFixtures.td2, TD3Fixtures.specimen])
    func specimenCompositeIsTheDigitOfTheSpecificationRanges(lines: [String]) {
        let place = CardFixtures.compositePosition[lines[0].count]!
        let written = Array(lines[place.line - 1])[place.position - 1]

        #expect(written == Character("\(CardFixtures.compositeCheckDigit(of: lines))"))
    }

    @Test(arguments: [TravelDocument.Format.td1, .td2, .td3])
    func generatedCompositeIsTheDigitOfTheSpecificationRanges(format: TravelDocument.Format) {
        var generator = SplitMix64(seed: 9303)
        for _ in 0..<200 {
            let document = MRZGeneratorTests.randomDocument(
                format: format, relativeTo: Self.reference, using: &generator)

            let lines = MRZ.makeZone(for: document)

            #expect(CardFixtures.withCompositeCheckDigit(lines) == lines)
        }
    }

    /// Optional data of a card has no check digit of its own: only the composite guards it. (`B`,
    /// not `A`: `A` weighs 10, the same as the filler modulo 10.)
    @Test(arguments: [
        (CardFixtures.td1, 1, 20), (CardFixtures.td1, 1, 30), (CardFixtures.td1, 2, 19), (CardFixtures.td1, 2, 29),
        (CardFixtures.td2, 2, 29), (CardFixtures.td2, 2, 35),
    ])
    func cardOptionalDataIsGuardedByTheComposite(lines: [String], line: Int, position: Int) throws {
        let changed = CardFixtures.replacing(lines, line: line, position: position, with: "B")

        let error = try #require(throws: MRZError.self) { try MRZ.parse(changed, relativeTo: Self.reference) }

        #expect(error.code == .checkDigit)
        #expect(error.field == "mrz[1].compositeCheckDigit")
        let fixed = try MRZ.parse(CardFixtures.withCompositeCheckDigit(changed), relativeTo: Self.reference)
        #expect((fixed.optionalData + fixed.additionalOptionalData).hasSuffix("B"))
    }

    /// The nationality (TD1 positions 16–18) and sex are outside the TD1 composite.
    @Test func td1NationalityAndSexAreOutsideTheComposite() throws {
        var lines = CardFixtures.replacing(CardFixtures.td1, line: 2, position: 16, with: "NZL")
        lines = CardFixtures.replacing(lines, line: 2, position: 8, with: "M")

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.nationality == "NZL")
        #expect(document.sex == .male)
    }

    @Test(arguments: [(CardFixtures.mrva, 44, "ZE184226B<<<<<<A"), (CardFixtures.mrvb, 36, "ZE18422A")])
    func visasHaveNoCompositeCheckDigit(lines: [String], position: Int, optionalData: String) throws {
        let changed = CardFixtures.replacing(lines, line: 2, position: position, with: "A")

        let document = try MRZ.parse(changed, relativeTo: Self.reference)

        #expect(document.optionalData == optionalData)
        #expect(document.isVisa)
    }

    @Test(arguments: [CardFixtures.mrva, CardFixtures.mrvb])
    func visaDocumentNumberStillHasItsCheckDigit(lines: [String]) throws {
        let changed = CardFixtures.replacing(lines, line: 2, position: 10, with: "4")

        let error = try #require(throws: MRZError.self) { try MRZ.parse(changed, relativeTo: Self.reference) }

        #expect(error.code == .checkDigit)
        #expect(error.field == "mrz[1].documentNumber")
    }
}
