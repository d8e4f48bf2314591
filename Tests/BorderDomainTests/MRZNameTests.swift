import Testing

@testable import BorderDomain

@Suite struct MRZNameTests {
    static func zone(nameField: String) -> [String] {
        let field = nameField + String(repeating: "<", count: 39 - nameField.count)
        return ["P<NZL" + field, TD3Fixtures.specimen[1]]
    }

    @Test func severalPartsOfEachIdentifierSplitRight() throws {
        let lines = Self.zone(nameField: "O<BRIEN<SMITH<<MARY<JANE<ANN")

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(document.issuingState == "NZL")
        #expect(document.primaryIdentifier == "O BRIEN SMITH")
        #expect(document.secondaryIdentifiers == ["MARY", "JANE", "ANN"])
    }

    @Test func primaryIdentifierAloneHasNoSecondaryIdentifiers() throws {
        let document = try MRZ.parse(Self.zone(nameField: "TUPOU"), relativeTo: TD3Fixtures.reference)

        #expect(document.primaryIdentifier == "TUPOU")
        #expect(document.secondaryIdentifiers == [])
    }

    @Test func nameFillingTheWholeFieldIsReadToTheEnd() throws {
        let field = "ABCDEFGHIJKLMNOPQRST<<UVWXYZABCDEF<GHIJ"
        let document = try MRZ.parse(Self.zone(nameField: field), relativeTo: TD3Fixtures.reference)

        #expect(document.primaryIdentifier == "ABCDEFGHIJKLMNOPQRST")
        #expect(document.secondaryIdentifiers == ["UVWXYZABCDEF", "GHIJ"])
    }

    @Test(arguments: ["<<ANNA", "ERIKSSON<<ANNA3", "<ERIKSSON<<ANNA"])
    func nameWithoutPrimaryIdentifierOrWithDigitsIsRefused(field: String) throws {
        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(Self.zone(nameField: field), relativeTo: TD3Fixtures.reference)
        }

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[0].name")
    }

    @Test func hyphenatedAndSpacedSurnamesRoundTripAsSpaces() throws {
        let lines = MRZ.makeTD3(
            issuingState: "GBR",
            primaryIdentifier: "Smith-Jones van der Berg",
            secondaryIdentifiers: ["Mary Jane", "Ann"],
            documentNumber: "123456789",
            nationality: "GBR",
            dateOfBirth: CalendarDate(year: 1980, month: 1, day: 2)!,
            sex: .female,
            dateOfExpiry: CalendarDate(year: 2030, month: 3, day: 4)!
        )

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(lines[0] == "P<GBRSMITH<JONES<VAN<DER<BERG<<MARY<JANE<ANN")
        #expect(document.primaryIdentifier == "SMITH JONES VAN DER BERG")
        #expect(document.secondaryIdentifiers == ["MARY", "JANE", "ANN"])
    }

    @Test(arguments: [
        ("O'Brien", "OBRIEN"), ("Müller", "MUELLER"), ("José María", "JOSE<MARIA"),
        ("Łukasz", "LUKASZ"), ("Strauß", "STRAUSS"), ("Øster  -  Ås", "OESTER<AAS"),
        ("Nguyễn", "NGUYEN"), ("  -Smith- ", "SMITH"),
    ])
    func namesAreTransliteratedToMRZLetters(name: String, expected: String) {
        #expect(MRZ.transliteratedName(name) == expected)
    }

    /// The form name searches compare: the same letters, parts joined by single spaces; a
    /// non-breaking space or Unicode hyphen separates as a space does, digits are left out.
    @Test(arguments: [
        ("Mere Aroha Te Whatu", "MERE AROHA TE WHATU"), ("Hans\u{00A0}Müller", "HANS MUELLER"),
        ("Jean\u{2010}Luc  O'Neil", "JEAN LUC ONEIL"), ("Ngāti 2 Tūhoe", "NGATI TUHOE"), ("", ""), (" - ", ""),
    ])
    func searchFormJoinsTheMRZLettersWithSpaces(name: String, expected: String) {
        #expect(MRZ.searchForm(of: name) == expected)
    }

    @Test func longNamesAreCutToTheField() throws {
        let lines = MRZ.makeTD3(
            issuingState: "UTO",
            primaryIdentifier: "Wolfeschlegelsteinhausenbergerdorff",
            secondaryIdentifiers: ["Hubert", "Blaine"],
            documentNumber: "X1",
            nationality: "UTO",
            dateOfBirth: CalendarDate(year: 1980, month: 1, day: 2)!,
            sex: .male,
            dateOfExpiry: CalendarDate(year: 2030, month: 3, day: 4)!
        )

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(lines[0] == "P<UTOWOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU")
        #expect(document.primaryIdentifier == "WOLFESCHLEGELSTEINHAUSENBERGERDORFF")
        #expect(document.secondaryIdentifiers == ["HU"])
    }
}
