import BorderDomain
import Testing

@Suite struct MRZGeneratorTests {
    /// A document with random fields that all fit a zone of `format`, drawn relative to `reference`.
    /// TD1 and TD2 numbers are now and then longer than nine characters.
    static func randomDocument(
        format: TravelDocument.Format = .td3,
        relativeTo reference: CalendarDate,
        using generator: inout SplitMix64
    ) -> TravelDocument {
        var random = RandomDocument(generator: generator)
        defer { generator = random.generator }
        let names = random.names(fitting: RandomDocument.nameLength[format]!)
        let optionalLengths = RandomDocument.optionalLengths[format]!
        let isLong = (format == .td1 || format == .td2) && random.chance(30)
        let number = isLong ? random.alphanumerics(10...(format == .td1 ? 15 : 11)) : random.alphanumerics(1...9)
        let taken = isLong ? number.count - 9 + 2 : 0
        let birth = random.dateOfBirth(relativeTo: reference)
        return TravelDocument(
            documentCode: random.documentCode(format),
            issuingState: RandomDocument.knownCodes.randomElement(using: &random.generator)!,
            primaryIdentifier: names.primary.joined(separator: " "),
            secondaryIdentifiers: names.secondary,
            documentNumber: number,
            nationality: RandomDocument.knownCodes.randomElement(using: &random.generator)!,
            dateOfBirth: birth,
            sex: TravelDocument.Sex.allCases.randomElement(using: &random.generator)!,
            dateOfExpiry: randomDate(years: reference.year - 20...reference.year + 20, using: &random.generator),
            optionalData: random.alphanumerics(0...max(0, optionalLengths[0] - taken)),
            additionalOptionalData: optionalLengths.count > 1 ? random.alphanumerics(0...optionalLengths[1]) : "",
            format: format,
            marks: birth.isComplete ? [] : [.dateOfBirthPartlyUnknown]
        )
    }

    static func randomDate(years: ClosedRange<Int>, using generator: inout SplitMix64) -> CalendarDate {
        let year = Int.random(in: years, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(in: 1...CalendarDate.numberOfDays(inMonth: month, year: year), using: &generator)
        return CalendarDate(year: year, month: month, day: day)!
    }

    static func lines(for document: TravelDocument) -> [String] {
        MRZ.makeZone(for: document)
    }

    static let lineLengths: [TravelDocument.Format: [Int]] = [
        .td1: [30, 30, 30], .td2: [36, 36], .td3: [44, 44], .mrva: [44, 44], .mrvb: [36, 36],
    ]

    @Test(arguments: TravelDocument.Format.allCases, [1, 2, 3, 0xC0FFEE, 0xB0_8DE2] as [UInt64])
    func generatedZonesParseBackToTheSameFields(format: TravelDocument.Format, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<400 {
            let reference = Self.randomDate(years: 1990...2060, using: &generator)
            let document = Self.randomDocument(format: format, relativeTo: reference, using: &generator)

            let lines = Self.lines(for: document)

            #expect(lines.map(\.count) == Self.lineLengths[format])
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
