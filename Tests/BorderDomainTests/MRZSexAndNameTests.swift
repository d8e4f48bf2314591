import BorderDomain
import Testing

@Suite struct MRZSexAndNameTests {
    static let reference = TD3Fixtures.reference

    @Test(arguments: [
        ("M", TravelDocument.Sex.male, [TravelDocument.Mark.specimen]), ("F", .female, [.specimen]),
        ("<", .unspecified, [.specimen]), ("X", .unspecified, [.specimen, .sexWrittenAsX]),
    ])
    func sexIsReadAndXIsMarked(character: String, sex: TravelDocument.Sex, marks: [TravelDocument.Mark]) throws {
        let line = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 20, with: character)

        let document = try MRZ.parse([TD3Fixtures.specimen[0], line], relativeTo: Self.reference)

        #expect(document.sex == sex)
        #expect(document.marks == marks)
    }

    @Test(arguments: [(TD3Fixtures.specimen, 2, 21, "mrz[1].sex"), (CardFixtures.td1, 2, 8, "mrz[1].sex")])
    func otherSexIsRefused(lines: [String], line: Int, position: Int, field: String) throws {
        let changed = CardFixtures.replacing(lines, line: line, position: position, with: "Q")

        let error = try #require(throws: MRZError.self) { try MRZ.parse(changed, relativeTo: Self.reference) }

        #expect(error.code == .malformed)
        #expect(error.field == field)
    }

    @Test func cardHolderWithASingleNameHasOnlyAPrimaryIdentifier() throws {
        let lines = CardFixtures.replacing(CardFixtures.td1, line: 3, position: 1, with: "TUPOU<<<<<<<<<<<<<<<")

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.primaryIdentifier == "TUPOU")
        #expect(document.secondaryIdentifiers == [])
        #expect(document.marks == [.specimen])
    }

    /// The name field is 30 characters on a TD1 card (line 3), 31 on a TD2 card and an MRV-B visa.
    @Test(arguments: [
        (CardFixtures.td1, 3, 1, "ABCDEFGHIJKLMNOP<<QRSTUVWXYZAB", "ABCDEFGHIJKLMNOP", ["QRSTUVWXYZAB"]),
        (CardFixtures.td2, 1, 6, "ABCDEFGHIJKLMNOP<<QRSTUVWXYZABC", "ABCDEFGHIJKLMNOP", ["QRSTUVWXYZABC"]),
        (CardFixtures.mrvb, 1, 6, "SINGLENAMEFILLINGTHEWHOLEFIELDX", "SINGLENAMEFILLINGTHEWHOLEFIELDX", []),
    ])
    func nameFillingItsFieldIsMarkedAsPossiblyTruncated(
        lines: [String], line: Int, position: Int, field: String, primary: String, secondary: [String]
    ) throws {
        let changed = CardFixtures.replacing(lines, line: line, position: position, with: field)
        #expect(changed[line - 1].hasSuffix(field))

        let document = try MRZ.parse(changed, relativeTo: Self.reference)

        #expect(document.primaryIdentifier == primary)
        #expect(document.secondaryIdentifiers == secondary)
        #expect(document.marks == [.specimen, .nameMayBeTruncated])
    }

    @Test func nameEndingWithAFillerIsNotMarked() throws {
        let document = try MRZ.parse(TD3Fixtures.specimen, relativeTo: Self.reference)

        #expect(!document.marks.contains(.nameMayBeTruncated))
    }

    @Test func cardNameErrorNamesTheThirdLine() throws {
        let lines = CardFixtures.replacing(CardFixtures.td1, line: 3, position: 1, with: "<<ANNA")

        let error = try #require(throws: MRZError.self) { try MRZ.parse(lines, relativeTo: Self.reference) }

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[2].name")
    }
}
