/// The stable field names that `MRZError.field` reports.
enum MRZField {
    static let zone = "mrz"
    static let documentCode = "mrz[0].documentCode"
    static let issuingState = "mrz[0].issuingState"
    static let name = "mrz[0].name"
    static let documentNumber = "mrz[1].documentNumber"
    static let nationality = "mrz[1].nationality"
    static let dateOfBirth = "mrz[1].dateOfBirth"
    static let sex = "mrz[1].sex"
    static let dateOfExpiry = "mrz[1].dateOfExpiry"
    static let optionalData = "mrz[1].optionalData"
    static let compositeCheckDigit = "mrz[1].compositeCheckDigit"

    static func line(_ index: Int) -> String {
        "mrz[\(index)]"
    }
}
