import BorderDomain
import Foundation
import Testing

@Suite struct MRZSpecimenTests {
    /// The specimen file shared by the project, at ../shared/data relative to the package root.
    static let specimenFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BorderDomainTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data/icao-specimens.txt")
        .standardizedFileURL

    /// The two lines that follow the TD3 heading of the specimen file.
    static func td3LinesFromFile() throws -> [String] {
        let text = try String(contentsOf: specimenFile, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("#") && $0.contains("TD3") })
        return Array(lines[heading + 1...heading + 2])
    }

    @Test func specimenFileHoldsTheInlineLines() throws {
        #expect(try Self.td3LinesFromFile() == TD3Fixtures.specimen)
    }

    @Test(arguments: ["inline", "file"])
    func icaoSpecimenParsesExactly(source: String) throws {
        let lines = source == "file" ? try Self.td3LinesFromFile() : TD3Fixtures.specimen

        let document = try MRZ.parse(lines, relativeTo: TD3Fixtures.reference)

        #expect(document.documentCode == "P")
        #expect(document.issuingState == "UTO")
        #expect(document.primaryIdentifier == "ERIKSSON")
        #expect(document.secondaryIdentifiers == ["ANNA", "MARIA"])
        #expect(document.documentNumber == "L898902C3")
        #expect(document.nationality == "UTO")
        #expect(document.dateOfBirth.description == "1974-08-12")
        #expect(document.sex == .female)
        #expect(document.dateOfExpiry.description == "2012-04-15")
        #expect(document.optionalData == "ZE184226B")
        #expect(document.format == .td3)
    }

    @Test func specimenCheckDigitsMatchTheIcaoValues() {
        #expect(MRZ.checkDigit(of: "L898902C3") == 6)
        #expect(MRZ.checkDigit(of: "740812") == 2)
        #expect(MRZ.checkDigit(of: "120415") == 9)
        #expect(MRZ.checkDigit(of: "ZE184226B<<<<<") == 1)
        #expect(MRZ.checkDigit(of: "L898902C36" + "7408122" + "1204159ZE184226B<<<<<1") == 0)
        #expect(MRZ.checkDigit(of: "<<<<<<<<<<<<<<") == 0)
    }
}
