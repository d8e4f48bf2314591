import BorderDomain
import Testing

/// Unknown parts of a date of birth are written as fillers (Doc 9303 part 3, 4.6.5).
@Suite struct MRZDateOfBirthTests {
    static let reference = TD3Fixtures.reference

    static func passport(dateOfBirth yymmdd: String) -> [String] {
        TD3Fixtures.specimen(line2Offset: 13, text: yymmdd)
    }

    @Test(
        arguments: [
            ("7408<<", 1974, 8, nil, "1974-08-XX"), ("74<<<<", 1974, nil, nil, "1974-XX-XX"),
            ("<<<<<<", nil, nil, nil, "XXXX-XX-XX"), ("<<0812", nil, 8, 12, "XXXX-08-12"),
        ] as [(String, Int?, Int?, Int?, String)])
    func unknownPartsStayUnknown(yymmdd: String, year: Int?, month: Int?, day: Int?, text: String) throws {
        let document = try MRZ.parse(Self.passport(dateOfBirth: yymmdd), relativeTo: Self.reference)

        #expect(document.dateOfBirth.year == year)
        #expect(document.dateOfBirth.month == month)
        #expect(document.dateOfBirth.day == day)
        #expect(document.dateOfBirth.description == text)
        #expect(document.dateOfBirth.calendarDate == nil)
        #expect(document.marks == [.specimen, .dateOfBirthPartlyUnknown])
    }

    /// The reference is 2024-10-20: a birth in 2024 may be this year's, a birth in November 2024
    /// cannot.
    @Test(arguments: [
        ("24<<<<", "2024-XX-XX"), ("2410<<", "2024-10-XX"), ("2411<<", "1924-11-XX"), ("25<<<<", "1925-XX-XX"),
    ])
    func centuryOfAPartialDateIsTheLatestThatCanBeBeforeTheReference(yymmdd: String, expected: String) throws {
        let document = try MRZ.parse(Self.passport(dateOfBirth: yymmdd), relativeTo: Self.reference)

        #expect(document.dateOfBirth.description == expected)
    }

    @Test(arguments: ["7413<<", "74<<41", "740230", "74<812", "7<0812", "74081<", "<<0230"])
    func impossibleOrHalfWrittenDateOfBirthRefusesTheDocument(yymmdd: String) throws {
        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(Self.passport(dateOfBirth: yymmdd), relativeTo: Self.reference)
        }

        #expect(error.code == .invalidDate)
        #expect(error.field == "mrz[1].dateOfBirth")
    }

    @Test func twentyNinthOfFebruaryOfAnUnknownYearIsPossible() throws {
        let document = try MRZ.parse(Self.passport(dateOfBirth: "<<0229"), relativeTo: Self.reference)

        #expect(document.dateOfBirth.description == "XXXX-02-29")
    }

    @Test(arguments: ["12<<<<", "1204<<"])
    func dateOfExpiryMustBeWhole(yymmdd: String) throws {
        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(TD3Fixtures.specimen(line2Offset: 21, text: yymmdd), relativeTo: Self.reference)
        }

        #expect(error.code == .invalidDate)
        #expect(error.field == "mrz[1].dateOfExpiry")
    }

    @Test func cardDateOfBirthIsOnTheMiddleLine() throws {
        let partial = CardFixtures.replacing(
            CardFixtures.td1, line: 2, position: 1, with: "74<<<<\(MRZ.checkDigit(of: "74<<<<"))")
        let impossible = CardFixtures.replacing(
            CardFixtures.td1, line: 2, position: 1, with: "741312\(MRZ.checkDigit(of: "741312"))")

        let document = try MRZ.parse(CardFixtures.withCompositeCheckDigit(partial), relativeTo: Self.reference)
        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(CardFixtures.withCompositeCheckDigit(impossible), relativeTo: Self.reference)
        }

        #expect(document.dateOfBirth.description == "1974-XX-XX")
        #expect(error.field == "mrz[1].dateOfBirth")
    }

    @Test func partialDateRefusesImpossibleParts() {
        #expect(PartialDate(year: 1974, month: 13, day: nil) == nil)
        #expect(PartialDate(year: nil, month: 4, day: 31) == nil)
        #expect(PartialDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PartialDate(year: nil, month: nil, day: 31)?.description == "XXXX-XX-31")
        #expect(PartialDate(year: 2024, month: 2, day: 29)?.calendarDate == CalendarDate(year: 2024, month: 2, day: 29))
    }
}
