extension MRZ {
    /// Writes a TD3 (passport) machine-readable zone with all its check digits, for
    /// demonstrations and tests.
    ///
    /// Names are transliterated to `A`–`Z` (Doc 9303 part 3, 6.A), spaces and hyphens become `<`,
    /// and a name longer than its field is cut at the end. The date fields keep the last two
    /// digits of the year. When there is no optional data its check digit is the filler `<`.
    ///
    /// - Precondition: `documentCode` is one or two letters starting with `P`; `issuingState`
    ///   and `nationality` are one to three letters; `documentNumber` is one to nine letters
    ///   or digits; `optionalData` is at most fourteen letters, digits or `<`.
    /// - Returns: Two lines of 44 characters.
    public static func makeTD3(
        documentCode: String = "P",
        issuingState: String,
        primaryIdentifier: String,
        secondaryIdentifiers: [String],
        documentNumber: String,
        nationality: String,
        dateOfBirth: CalendarDate,
        sex: TravelDocument.Sex,
        dateOfExpiry: CalendarDate,
        optionalData: String = ""
    ) -> [String] {
        precondition(
            (1...2).contains(documentCode.utf8.count) && documentCode.first == "P"
                && documentCode.utf8.allSatisfy(isLetter),
            "document code must be P followed by at most one letter"
        )
        precondition(isStateCode(issuingState), "issuing state must be one to three letters A-Z")
        precondition(isStateCode(nationality), "nationality must be one to three letters A-Z")
        precondition(
            (1...9).contains(documentNumber.utf8.count)
                && documentNumber.utf8.allSatisfy { isLetter($0) || isDigit($0) },
            "document number must be one to nine letters A-Z or digits"
        )
        precondition(
            optionalData.utf8.count <= 14 && optionalData.utf8.allSatisfy { characterValue($0) != nil },
            "optional data must be at most fourteen characters A-Z, 0-9 or '<'"
        )

        let name = nameField(primaryIdentifier, secondaryIdentifiers, length: TD3Layout.name.count)
        let first = padded(documentCode, 2) + padded(issuingState, 3) + name

        let number = padded(documentNumber, TD3Layout.documentNumber.count)
        let birth = yymmdd(dateOfBirth)
        let expiry = yymmdd(dateOfExpiry)
        let optional = padded(optionalData, TD3Layout.optionalData.count)
        let optionalCheck = optionalData.utf8.allSatisfy { $0 == filler } ? "<" : "\(checkDigit(of: optional))"
        let covered =
            number + "\(checkDigit(of: number))" + padded(nationality, 3)
            + birth + "\(checkDigit(of: birth))" + sexCharacter(sex)
            + expiry + "\(checkDigit(of: expiry))" + optional + optionalCheck
        let composite = TD3Layout.compositeCoverage.map { covered.utf8[offsets: $0] }.joined()
        let second = covered + "\(checkDigit(ofBytes: composite))"
        return [first, second]
    }

    /// The name field: primary identifier, `<<`, secondary identifiers joined by `<`, cut and
    /// padded with fillers to `length`.
    static func nameField(_ primary: String, _ secondary: [String], length: Int) -> String {
        let secondaryPart = secondary.map(transliteratedName).filter { !$0.isEmpty }.joined(separator: "<")
        var name = transliteratedName(primary)
        if !secondaryPart.isEmpty {
            name += "<<" + secondaryPart
        }
        var cut = Substring(name.prefix(length))
        while cut.last == "<" {
            cut.removeLast()
        }
        return padded(String(cut), length)
    }

    private static func isStateCode(_ code: String) -> Bool {
        (1...3).contains(code.utf8.count) && code.utf8.allSatisfy(isLetter)
    }

    private static func padded(_ text: String, _ length: Int) -> String {
        text + String(repeating: "<", count: length - text.utf8.count)
    }

    private static func yymmdd(_ date: CalendarDate) -> String {
        [date.year % 100, date.month, date.day].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }

    private static func sexCharacter(_ sex: TravelDocument.Sex) -> String {
        switch sex {
        case .male: "M"
        case .female: "F"
        case .unspecified: "<"
        }
    }
}

extension String.UTF8View {
    fileprivate subscript(offsets range: Range<Int>) -> [UInt8] {
        Array(dropFirst(range.lowerBound).prefix(range.count))
    }
}
