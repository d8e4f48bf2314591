import BorderDomain
import Testing

/// Error descriptions name the field and never carry characters of the zone.
@Suite struct MRZPersonalDataTests {
    static let personal = [
        "ERIKSSON", "ANNA", "MARIA", "D23145890", "L898902C", "740812", "7408", "690806", "120415", "940623",
        "ZE184226", "UTO",
    ]

    /// Zones of every format, each with one field spoiled: (lines, line, position, text).
    @Test(arguments: [
        (CardFixtures.td1, 1, 6, "E"), (CardFixtures.td1, 2, 1, "741312"), (CardFixtures.td1, 2, 16, "QQQ"),
        (CardFixtures.td1, 3, 1, "<<"), (CardFixtures.td1, 1, 15, "<"), (CardFixtures.td1, 2, 30, "1"),
        (CardFixtures.td2, 2, 1, "E"), (CardFixtures.td2, 2, 14, "7413"), (CardFixtures.td2, 1, 3, "QQQ"),
        (CardFixtures.mrva, 2, 22, "9413"), (CardFixtures.mrva, 2, 21, "Q"), (CardFixtures.mrvb, 2, 2, "9"),
        (CardFixtures.mrvb, 1, 1, "I"),
    ])
    func descriptionNamesTheFieldButNoPersonalData(lines: [String], line: Int, position: Int, text: String) throws {
        let spoiled = CardFixtures.replacing(lines, line: line, position: position, with: text)

        let error = try #require(throws: MRZError.self) {
            try MRZ.parse(spoiled, relativeTo: TD3Fixtures.reference)
        }

        #expect(error.description.contains(error.field))
        for data in Self.personal {
            #expect(!error.description.contains(data), "\(error.field)")
        }
    }
}
