import BorderDomain
import JSON
import Testing

@Suite struct DocumentFactsTests {
    static let reference = TD3Fixtures.reference

    @Test(arguments: [
        (CardFixtures.td1, "td1"), (CardFixtures.td2, "td2"), (TD3Fixtures.specimen, "td3"),
        (CardFixtures.mrva, "mrva"),
        (CardFixtures.mrvb, "mrvb"),
    ])
    func formatIsRecordedByItsName(lines: [String], format: String) throws {
        let facts = DocumentFacts(try MRZ.parse(lines, relativeTo: Self.reference))

        #expect(facts.format == format)
        #expect(facts.marks == ["specimen"])
    }

    @Test func wholeDateOfBirthIsIsoAndHasNoPartialForm() throws {
        let facts = DocumentFacts(try MRZ.parse(TD3Fixtures.specimen, relativeTo: Self.reference))

        #expect(facts.dateOfBirth == "1974-08-12")
        #expect(facts.partialDateOfBirth == nil)
        #expect(facts.optionalData == "ZE184226B")
        #expect(facts.dateOfExpiry == "2012-04-15")
    }

    @Test func partialDateOfBirthHasNoIsoDateButKeepsItsKnownParts() throws {
        let lines = TD3Fixtures.specimen(line2Offset: 13, text: "74<<<<")

        let facts = DocumentFacts(try MRZ.parse(lines, relativeTo: Self.reference))

        #expect(facts.dateOfBirth == nil)
        #expect(facts.partialDateOfBirth == "1974-XX-XX")
        #expect(facts.marks == ["specimen", "dateOfBirthPartlyUnknown"])
    }

    @Test func newFieldsRoundTripThroughJSON() throws {
        let lines = TD3Fixtures.specimen(line2Offset: 13, text: "7408<<")
        let facts = DocumentFacts(try MRZ.parse(lines, relativeTo: Self.reference))

        let read = try DocumentFacts(json: try JSON.parse(facts.json.serialized()))

        #expect(read == facts)
        #expect(read.partialDateOfBirth == "1974-08-XX")
    }

    @Test func documentWithoutNewFieldsWritesTheJSONOfBefore() throws {
        let lines = MRZ.makeTD3(
            issuingState: "NZL", primaryIdentifier: "Smith", secondaryIdentifiers: ["Jane"],
            documentNumber: "LA1234567",
            nationality: "NZL", dateOfBirth: CalendarDate(year: 1980, month: 1, day: 2)!, sex: .female,
            dateOfExpiry: CalendarDate(year: 2030, month: 1, day: 1)!)

        let facts = DocumentFacts(try MRZ.parse(lines, relativeTo: Self.reference))

        #expect(facts.json.objectValue?.keys.sorted() == Self.keysOfBefore)
    }

    static let keysOfBefore = [
        "dateOfBirth", "dateOfExpiry", "documentCode", "documentNumber", "format", "issuingState", "nationality",
        "primaryIdentifier", "secondaryIdentifiers", "sex",
    ]

    @Test func eventRecordedBeforeTheNewFieldsStillReads() throws {
        let old: JSON = [
            "format": "td3", "documentCode": "P", "issuingState": "NZL", "documentNumber": "LA1234567",
            "nationality": "NZL", "primaryIdentifier": "SMITH", "secondaryIdentifiers": ["JANE"],
            "dateOfBirth": "1980-01-02", "sex": "female", "dateOfExpiry": "2030-01-01",
        ]

        let facts = try DocumentFacts(json: old)

        #expect(facts.optionalData == nil)
        #expect(facts.partialDateOfBirth == nil)
        #expect(facts.marks == nil)
        #expect(facts.dateOfBirth == "1980-01-02")
    }

    @Test(arguments: ["1974-13-XX", "1974-8-XX", "74-XX-XX", "1974-XX-4X", "XXXX-02-30"])
    func storedPartialDateOfBirthMustBeReadable(text: String) throws {
        let facts = DocumentFacts(try MRZ.parse(TD3Fixtures.specimen, relativeTo: Self.reference))
        guard case .object(var fields) = facts.json else {
            Issue.record("facts are not an object")
            return
        }
        fields["partialDateOfBirth"] = .string(text)

        let error = #expect(throws: DomainError.self) { try DocumentFacts(json: .object(fields)) }

        #expect(error?.field == "document.partialDateOfBirth")
    }

    @Test(arguments: ["1974-08-XX", "1974-XX-XX", "XXXX-XX-XX", "XXXX-02-29"])
    func partialDateTextRoundTrips(text: String) {
        #expect(PartialDate(text: text)?.description == text)
    }

    @Test func cardOptionalDataElementsAreJoinedByASpace() throws {
        var lines = CardFixtures.replacing(CardFixtures.td1, line: 1, position: 16, with: "AB1")
        lines = CardFixtures.withCompositeCheckDigit(CardFixtures.replacing(lines, line: 2, position: 19, with: "CD2"))

        let facts = DocumentFacts(try MRZ.parse(lines, relativeTo: Self.reference))

        #expect(facts.optionalData == "AB1 CD2")
    }
}
