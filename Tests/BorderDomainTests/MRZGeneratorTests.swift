import BorderDomain
import Testing

@Suite struct MRZGeneratorTests {
    /// A document with random fields that all fit a TD3 zone, drawn relative to `reference`.
    static func randomDocument(
        relativeTo reference: CalendarDate,
        using generator: inout SplitMix64
    ) -> TravelDocument {
        func text(_ count: ClosedRange<Int>, from alphabet: String) -> String {
            let length = Int.random(in: count, using: &generator)
            return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
        func letters(_ count: ClosedRange<Int>) -> String {
            text(count, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        }
        func alphanumerics(_ count: ClosedRange<Int>) -> String {
            text(count, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        }
        func date(years: ClosedRange<Int>) -> CalendarDate {
            randomDate(years: years, using: &generator)
        }

        var primary = (0..<Int.random(in: 1...3, using: &generator)).map { _ in letters(1...12) }
        var secondary = (0..<Int.random(in: 0...4, using: &generator)).map { _ in letters(1...10) }
        while primary.joined().count + primary.count - 1 + secondary.joined().count + secondary.count + 1 > 39 {
            if secondary.isEmpty { primary.removeLast() } else { secondary.removeLast() }
        }
        var birth = date(years: reference.year - 99...reference.year)
        if birth > reference {
            birth = CalendarDate(year: birth.year - 1, month: birth.month, day: min(birth.day, 28))!
        }
        return TravelDocument(
            documentCode: Bool.random(using: &generator) ? "P" : "P" + letters(1...1),
            issuingState: knownCodes.randomElement(using: &generator)!,
            primaryIdentifier: primary.joined(separator: " "),
            secondaryIdentifiers: secondary,
            documentNumber: alphanumerics(1...9),
            nationality: knownCodes.randomElement(using: &generator)!,
            dateOfBirth: PartialDate(birth),
            sex: TravelDocument.Sex.allCases.randomElement(using: &generator)!,
            dateOfExpiry: date(years: reference.year - 20...reference.year + 20),
            optionalData: alphanumerics(0...14),
            format: .td3
        )
    }

    /// Codes from ISO 3166-1 and from ICAO's additions, of one to three letters.
    static let knownCodes = ["D", "NZL", "GBR", "GBN", "FRA", "XXA", "UNO", "EUE", "RKS", "IND", "TON"]

    static func randomDate(years: ClosedRange<Int>, using generator: inout SplitMix64) -> CalendarDate {
        let year = Int.random(in: years, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(in: 1...CalendarDate.numberOfDays(inMonth: month, year: year), using: &generator)
        return CalendarDate(year: year, month: month, day: day)!
    }

    static func lines(for document: TravelDocument) -> [String] {
        MRZ.makeZone(for: document)
    }

    @Test(arguments: [1, 2, 3, 0xC0FFEE, 0xB0_8DE2] as [UInt64])
    func generatedZonesParseBackToTheSameFields(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<400 {
            let reference = Self.randomDate(years: 1990...2060, using: &generator)
            let document = Self.randomDocument(relativeTo: reference, using: &generator)

            let lines = Self.lines(for: document)

            #expect(lines.map(\.count) == [44, 44])
            var parsed = try MRZ.parse(lines, relativeTo: reference)
            parsed.marks.removeAll { $0 == .nameMayBeTruncated }
            #expect(parsed == document)
        }
    }

    @Test func generatorReproducesTheIcaoSpecimen() {
        let lines = MRZ.makeTD3(
            issuingState: "UTO",
            primaryIdentifier: "Eriksson",
            secondaryIdentifiers: ["Anna", "Maria"],
            documentNumber: "L898902C3",
            nationality: "UTO",
            dateOfBirth: CalendarDate(year: 1974, month: 8, day: 12)!,
            sex: .female,
            dateOfExpiry: CalendarDate(year: 2012, month: 4, day: 15)!,
            optionalData: "ZE184226B"
        )

        #expect(lines == TD3Fixtures.specimen)
    }

    @Test func zoneWithoutOptionalDataUsesFillerCheckDigit() {
        let lines = MRZ.makeTD3(
            documentCode: "PO",
            issuingState: "D",
            primaryIdentifier: "Mustermann",
            secondaryIdentifiers: ["Erika"],
            documentNumber: "C01X00T47",
            nationality: "D",
            dateOfBirth: CalendarDate(year: 1964, month: 8, day: 12)!,
            sex: .unspecified,
            dateOfExpiry: CalendarDate(year: 2027, month: 10, day: 31)!
        )

        #expect(lines[0] == "POD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<")
        #expect(lines[1].hasPrefix("C01X00T47"))
        #expect(Array(lines[1])[10..<13] == ["D", "<", "<"])
        #expect(Array(lines[1])[20] == "<")
        #expect(Array(lines[1])[42] == "<")
    }
}
