/// Where each field sits in a TD3 machine-readable zone (Doc 9303 part 4, 4.2.2), as
/// zero-based offsets into a line of 44 characters.
enum TD3Layout {
    static let lineCount = 2
    static let lineLength = 44

    // Line 1 (mrz[0])
    static let documentCode = 0..<2
    static let issuingState = 2..<5
    static let name = 5..<44

    // Line 2 (mrz[1])
    static let documentNumber = 0..<9
    static let documentNumberCheck = 9
    static let nationality = 10..<13
    static let dateOfBirth = 13..<19
    static let dateOfBirthCheck = 19
    static let sex = 20
    static let dateOfExpiry = 21..<27
    static let dateOfExpiryCheck = 27
    static let optionalData = 28..<42
    static let optionalDataCheck = 42
    static let compositeCheck = 43

    /// The characters of line 2 that the composite check digit covers: the document number,
    /// date of birth, date of expiry and optional data, each with its check digit.
    static let compositeCoverage = [0..<10, 13..<20, 21..<43]
}
