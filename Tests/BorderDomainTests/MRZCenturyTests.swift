import Testing

@testable import BorderDomain

@Suite struct MRZCenturyTests {
    @Test(arguments: [
        ("740812", "1974-08-12"), ("200101", "2020-01-01"), ("250101", "1925-01-01"),
        ("241020", "2024-10-20"), ("241021", "1924-10-21"), ("000229", "2000-02-29"),
    ])
    func dateOfBirthTakesTheLatestCenturyNotAfterTheReference(yymmdd: String, expected: String) throws {
        let lines = TD3Fixtures.specimen(line2Offset: 13, text: yymmdd)

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(document.dateOfBirth.description == expected)
    }

    @Test(arguments: [
        ("120415", "2012-04-15"), ("341020", "2034-10-20"), ("741019", "2074-10-19"),
        ("741020", "1974-10-20"), ("990101", "1999-01-01"),
    ])
    func dateOfExpiryTakesTheCenturyWithinFiftyYearsOfTheReference(yymmdd: String, expected: String) throws {
        let lines = TD3Fixtures.specimen(line2Offset: 21, text: yymmdd)

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(document.dateOfExpiry.description == expected)
    }

    @Test func centuryFollowsTheReferenceNotTheDayOfReading() throws {
        let reference = try #require(CalendarDate(iso: "1999-06-30"))
        let lines = TD3Fixtures.specimen(line2Offset: 21, text: "050101")

        let document = try MRZ.parse(lines, relativeTo: reference)

        #expect(document.dateOfBirth.description == "1974-08-12")
        #expect(document.dateOfExpiry.description == "2005-01-01")
    }

    @Test func twentyNinthOfFebruaryInACommonCenturyYearIsAnInvalidDate() throws {
        let reference = try #require(CalendarDate(iso: "1950-01-01"))
        let lines = TD3Fixtures.specimen(line2Offset: 13, text: "000229")

        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(lines, relativeTo: reference)
        }

        #expect(error.code == .invalidDate)
        #expect(error.field == "mrz[1].dateOfBirth")
    }
}
