import BorderDomain
import Foundation
import Testing

@Suite struct MRZErrorTests {
    static let specimen = TD3Fixtures.specimen
    static let reference = TD3Fixtures.reference

    static func error(parsing lines: [String]) throws -> MRZError {
        try #require(throws: MRZError.self) {
            try MRZ.parse(lines, relativeTo: reference)
        }
    }

    @Test(arguments: [[], [specimen[0]], specimen + [specimen[1]]])
    func wrongLineCountNamesTheZone(lines: [String]) throws {
        let error = try Self.error(parsing: lines)

        #expect(error.code == .malformed)
        #expect(error.field == "mrz")
    }

    @Test func wrongLineLengthNamesTheLine() throws {
        let error = try Self.error(parsing: [Self.specimen[0], String(Self.specimen[1].dropLast())])

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[1]")
        #expect(error.description.contains("mrz[1]"))
    }

    @Test func lowercaseLettersNameTheLine() throws {
        let error = try Self.error(parsing: [Self.specimen[0].lowercased(), Self.specimen[1]])

        #expect(error.code == .invalidCharacter)
        #expect(error.field == "mrz[0]")
    }

    @Test func nonAsciiLetterOfTheRightLengthIsAnInvalidCharacter() throws {
        let line = "P<UTOERIKSSÖN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"

        let error = try Self.error(parsing: [line, Self.specimen[1]])

        #expect(error.code == .invalidCharacter)
        #expect(error.field == "mrz[0]")
    }

    @Test(arguments: [
        (13, "741312", "mrz[1].dateOfBirth"), (13, "740841", "mrz[1].dateOfBirth"),
        (21, "121315", "mrz[1].dateOfExpiry"), (21, "120441", "mrz[1].dateOfExpiry"),
        (21, "1204<5", "mrz[1].dateOfExpiry"),
    ])
    func impossibleDateWithGoodCheckDigitsIsAnInvalidDate(offset: Int, yymmdd: String, field: String) throws {
        let error = try Self.error(parsing: TD3Fixtures.specimen(line2Offset: offset, text: yymmdd))

        #expect(error.code == .invalidDate)
        #expect(error.field == field)
    }

    @Test(arguments: [
        ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "td3"),
        ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6", "td2"),
    ])
    func documentCodeOfAnotherFormatIsRefused(first: String, second: String, format: String) throws {
        let error = try Self.error(parsing: [first, second])

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[0].documentCode")
        #expect(error.description.contains(format))
    }

    /// Doc 9303 part 5, 4.2.2.1: a card's second letter is never V.
    @Test(arguments: [CardFixtures.td1, CardFixtures.td2])
    func cardDocumentCodeWithVAsSecondLetterIsRefused(lines: [String]) throws {
        let error = try Self.error(parsing: CardFixtures.replacing(lines, line: 1, position: 2, with: "V"))

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[0].documentCode")
    }

    @Test(arguments: ["AC", "ID", "C<"])
    func cardDocumentCodesStartWithACOrI(code: String) throws {
        let document = try MRZ.parse(
            CardFixtures.replacing(CardFixtures.td1, line: 1, position: 1, with: code), relativeTo: Self.reference)

        #expect(document.documentCode == code.replacingOccurrences(of: "<", with: ""))
    }

    @Test(arguments: [[30, 30, 29], [30, 31, 30], [36, 44], [44, 36]])
    func lineOfAnotherLengthNamesTheLine(lengths: [Int]) throws {
        let lines = lengths.map { String(repeating: "<", count: $0) }
        let fault = lengths.firstIndex { $0 != lengths[0] }!

        let error = try Self.error(parsing: lines)

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[\(fault)]")
    }

    @Test(arguments: [
        (0, "L898902C4"), (9, "7"), (13, "741312"), (19, "5"), (21, "120441"), (28, "ZE184226C"), (43, "9"),
    ])
    func descriptionNamesTheFieldButNoPersonalData(offset: Int, text: String) throws {
        let line = TD3Fixtures.replacing(Self.specimen[1], at: offset, with: text)

        let error = try Self.error(parsing: [Self.specimen[0], line])

        #expect(error.description.contains(error.field))
        for personal in ["L898902C", "ERIKSSON", "ANNA", "740812", "7408", "120415", "ZE184226", "UTO"] {
            #expect(!error.description.contains(personal))
        }
    }
}
