import Foundation
import Testing

@testable import BorderDomain

@Suite struct CountryCodeTests {
    static let reference = TD3Fixtures.reference

    /// The specimen passport with `code` as issuing state (line 1) and nationality (line 2).
    static func passport(issuingState: String = "UTO", nationality: String = "UTO") -> [String] {
        let first = TD3Fixtures.replacing(TD3Fixtures.specimen[0], at: 2, with: padded(issuingState))
        let second = TD3Fixtures.replacing(TD3Fixtures.specimen[1], at: 10, with: padded(nationality))
        return [first, second]
    }

    static func padded(_ code: String) -> String {
        code + String(repeating: "<", count: 3 - code.count)
    }

    static let icaoCodes = [
        "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "XBA", "XIM",
        "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "RKS", "EUE",
    ]

    @Test(arguments: icaoCodes + ["NZL", "DEU", "GBR", "TON", "ZWE", "ABW"])
    func icaoAndIsoCodesAreAccepted(code: String) throws {
        let document = try MRZ.parse(Self.passport(issuingState: code, nationality: code), relativeTo: Self.reference)

        #expect(document.issuingState == code)
        #expect(document.nationality == code)
        #expect(document.marks == [])
    }

    @Test func germanyIsWrittenDWithTwoFillers() throws {
        let lines = Self.passport(issuingState: "D", nationality: "D")
        #expect(lines[0].hasPrefix("P<D<<ERIKSSON"))

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

        #expect(document.issuingState == "D")
        #expect(document.nationality == "D")
    }

    @Test func specimenStateIsAcceptedAndMarked() throws {
        let document = try MRZ.parse(Self.passport(issuingState: "NZL", nationality: "UTO"), relativeTo: Self.reference)

        #expect(document.nationality == "UTO")
        #expect(document.marks == [.specimen])
    }

    @Test(arguments: [
        ("ZZZ", "NZL", "mrz[0].issuingState"), ("NZL", "QQQ", "mrz[1].nationality"),
        ("NZL", "EU", "mrz[1].nationality"),
    ])
    func unknownCodeIsRefusedWithItsField(issuingState: String, nationality: String, field: String) throws {
        let lines = Self.passport(issuingState: issuingState, nationality: nationality)

        let error = try #require(throws: MRZError.self) { try MRZ.parse(lines, relativeTo: Self.reference) }

        #expect(error.code == .unknownCode)
        #expect(error.field == field)
    }

    @Test func unknownCodeOnACardNamesItsLine() throws {
        let lines = CardFixtures.replacing(CardFixtures.td1, line: 2, position: 16, with: "QQQ")

        let error = try #require(throws: MRZError.self) { try MRZ.parse(lines, relativeTo: Self.reference) }

        #expect(error.code == .unknownCode)
        #expect(error.field == "mrz[1].nationality")
    }

    @Test func codeWithAFillerBeforeALetterIsMalformed() throws {
        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(Self.passport(issuingState: "D<E"), relativeTo: Self.reference)
        }

        #expect(error.code == .malformed)
        #expect(error.field == "mrz[0].issuingState")
    }

    @Test func isoTableComesFromDebiansIsoCodes() throws {
        guard case .codes(let codes) = CountryCodes.load(from: CountryCodes.isoFile) else {
            Issue.record("the iso-codes table did not load")
            return
        }

        #expect(codes.count >= 249)
        #expect(codes.isSuperset(of: ["NZL", "DEU", "GBR", "FRA", "USA"]))
        #expect(!codes.contains("UTO"))
    }

    @Test func missingTableIsAClearError() {
        let table = CountryCodes.load(from: "/nonexistent/iso_3166-1.json")

        guard case .unavailable(let reason) = table else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(reason.contains("/nonexistent/iso_3166-1.json"))
        #expect(reason.contains("iso-codes"))
    }

    @Test func missingTableRefusesAnIsoCodeButNotAnIcaoOne() throws {
        let missing = CountryCodes.load(from: "/nonexistent/iso_3166-1.json")

        let error = try #require(throws: MRZError.self) {
            try CountryCodes.isKnown("NZL", field: "mrz[0].issuingState", in: missing)
        }
        #expect(error.code == .referenceDataUnavailable)
        #expect(error.field == "mrz[0].issuingState")
        #expect(try CountryCodes.isKnown("XXA", field: "mrz[0].issuingState", in: missing))
    }

    @Test func fileThatIsNotATableIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-iso-\(UUID()).json").path
        try Data("[1, 2]".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let table = CountryCodes.load(from: path)

        guard case .unavailable(let reason) = table else {
            Issue.record("a file that is not JSON loaded")
            return
        }
        #expect(reason.contains("not an iso-codes table"))
    }
}
