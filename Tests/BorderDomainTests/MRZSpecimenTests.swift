import BorderDomain
import Testing

@Suite struct MRZSpecimenTests {
    static let reference = TD3Fixtures.reference

    @Test func specimenFileHoldsTheInlineLines() throws {
        #expect(try SpecimenFile.zone("TD3") == TD3Fixtures.specimen)
    }

    @Test(arguments: ["inline", "file"])
    func passportSpecimenParsesExactly(source: String) throws {
        let lines = source == "file" ? try SpecimenFile.zone("TD3") : TD3Fixtures.specimen

        let document = try MRZ.parse(lines, relativeTo: Self.reference)

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
        #expect(document.additionalOptionalData == "")
        #expect(document.format == .td3)
        #expect(document.marks == [.specimen])
        #expect(!document.isVisa)
    }

    @Test(arguments: [("TD1", TravelDocument.Format.td1), ("TD2", .td2)])
    func cardSpecimensParseExactly(heading: String, format: TravelDocument.Format) throws {
        let document = try MRZ.parse(try SpecimenFile.zone(heading), relativeTo: Self.reference)

        #expect(document.documentCode == "I")
        #expect(document.issuingState == "UTO")
        #expect(document.primaryIdentifier == "ERIKSSON")
        #expect(document.secondaryIdentifiers == ["ANNA", "MARIA"])
        #expect(document.documentNumber == "D23145890")
        #expect(document.nationality == "UTO")
        #expect(document.dateOfBirth.description == "1974-08-12")
        #expect(document.sex == .female)
        #expect(document.dateOfExpiry.description == "2012-04-15")
        #expect(document.optionalData == "")
        #expect(document.additionalOptionalData == "")
        #expect(document.format == format)
        #expect(document.marks == [.specimen])
        #expect(!document.isVisa)
    }

    @Test(arguments: [
        ("MRV-A", TravelDocument.Format.mrva, "ZE184226B"), ("MRV-B", .mrvb, "ZE184226"),
    ])
    func visaSpecimensParseExactly(heading: String, format: TravelDocument.Format, optionalData: String) throws {
        let document = try MRZ.parse(try SpecimenFile.zone(heading), relativeTo: Self.reference)

        #expect(document.documentCode == "V")
        #expect(document.issuingState == "UTO")
        #expect(document.primaryIdentifier == "ERIKSSON")
        #expect(document.secondaryIdentifiers == ["ANNA", "MARIA"])
        #expect(document.documentNumber == "L898902C")
        #expect(document.nationality == "UTO")
        #expect(document.dateOfBirth.description == "1969-08-06")
        #expect(document.sex == .female)
        #expect(document.dateOfExpiry.description == "1994-06-23")
        #expect(document.optionalData == optionalData)
        #expect(document.additionalOptionalData == "")
        #expect(document.format == format)
        #expect(document.marks == [.specimen])
        #expect(document.isVisa)
    }

    @Test func specimenCheckDigitsMatchTheIcaoValues() {
        #expect(MRZ.checkDigit(of: "L898902C3") == 6)
        #expect(MRZ.checkDigit(of: "740812") == 2)
        #expect(MRZ.checkDigit(of: "120415") == 9)
        #expect(MRZ.checkDigit(of: "ZE184226B<<<<<") == 1)
        #expect(MRZ.checkDigit(of: "L898902C36" + "7408122" + "1204159ZE184226B<<<<<1") == 0)
        #expect(MRZ.checkDigit(of: "<<<<<<<<<<<<<<") == 0)
        #expect(MRZ.checkDigit(of: "L898902C<") == 3)
        #expect(MRZ.checkDigit(of: "690806") == 1)
        #expect(MRZ.checkDigit(of: "940623") == 6)
    }
}
