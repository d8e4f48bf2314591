import BorderDomain

/// A generated traveller holding a passport whose MRZ is valid by ICAO Doc 9303's rules.
public struct DemoTraveller: Sendable {
    public var mrz: [String]
    public var documentNumber: String
    public var nationality: String
    public var purpose: String

    static let others = ["CAN", "FRA", "IND", "PHL", "KOR", "NLD", "SWE", "ITA", "WSM"]
    static let surnames = [
        "SMITH", "WILLIAMS", "BROWN", "TAYLOR", "WILSON", "NGUYEN", "LI", "WANG", "TUILAEPA", "SCHMIDT",
        "MUELLER", "SATO", "TANAKA", "O'CONNOR", "FALEOLO", "LEAUPEPE", "MARTIN", "KUMAR", "FONOTI", "HAUPT",
    ]
    static let givenNames = [
        "JAMES", "OLIVIA", "JACK", "CHARLOTTE", "WEI", "MEI", "SIONE", "MELE", "ANNA", "LUKAS",
        "YUKI", "HIRO", "SARAH", "DAVID", "MARIA", "TEVITA", "EMMA", "NOAH", "AROHA", "TANE",
    ]

    /// The ICAO Doc 9303 specimen passport (Utopia, ERIKSSON ANNA MARIA; expired in 2012).
    public static let specimen = DemoTraveller(
        mrz: ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
        documentNumber: "L898902C3", nationality: "UTO", purpose: "official")

    init(mrz: [String], documentNumber: String, nationality: String, purpose: String) {
        self.mrz = mrz
        self.documentNumber = documentNumber
        self.nationality = nationality
        self.purpose = purpose
    }

    public static func random(mix: VisitorMix, using generator: inout SeededGenerator) -> DemoTraveller {
        let row = generator.pick(mix.rows.map { ($0, $0.share) })
        var nationality = row.nationality
        if nationality == "other" { nationality = others.randomElement(using: &generator)! }
        let purpose = generator.pick(row.purposes.map { ($0.purpose, $0.share) })
        // German passports carry the ICAO code D, not DEU, for issuing state and nationality.
        let code = nationality == "DEU" ? "D" : nationality
        let number = documentNumber(using: &generator)
        let sex: TravelDocument.Sex = Bool.random(using: &generator) ? .female : .male
        let mrz = MRZ.makeTD3(
            issuingState: code, primaryIdentifier: surnames.randomElement(using: &generator)!,
            secondaryIdentifiers: [givenNames.randomElement(using: &generator)!], documentNumber: number,
            nationality: code, dateOfBirth: date(years: 1945...2018, using: &generator), sex: sex,
            dateOfExpiry: date(years: 2025...2034, using: &generator))
        return DemoTraveller(mrz: mrz, documentNumber: number, nationality: code, purpose: purpose)
    }

    static func documentNumber(using generator: inout SeededGenerator) -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTVWXYZ")
        let digits = Array("0123456789")
        var number = String(letters.randomElement(using: &generator)!)
        number += String(letters.randomElement(using: &generator)!)
        for _ in 0..<7 { number.append(digits.randomElement(using: &generator)!) }
        return number
    }

    static func date(years: ClosedRange<Int>, using generator: inout SeededGenerator) -> CalendarDate {
        CalendarDate(
            year: Int.random(in: years, using: &generator), month: Int.random(in: 1...12, using: &generator),
            day: Int.random(in: 1...28, using: &generator))!
    }
}
