/// The name field of a machine-readable zone: the primary identifier, the separator `<<`,
/// then the secondary identifiers separated by `<`. A holder with a single name has no `<<`:
/// the whole name is the primary identifier (Doc 9303 part 3, 4.6.1).
struct MRZName {
    var primaryIdentifier: String
    var secondaryIdentifiers: [String]
    /// Whether the last character of the field is a letter: the issuer may have cut the name.
    var fillsItsField: Bool

    init(_ field: ArraySlice<UInt8>, field name: String) throws(MRZError) {
        guard field.allSatisfy({ MRZ.isLetter($0) || $0 == MRZ.filler }) else {
            throw MRZError(.malformed, field: name, reason: "may contain only letters and '<'")
        }
        let text = MRZReader.text(field)
        let primary: Substring
        let secondary: Substring
        if let separator = text.firstRange(of: "<<") {
            primary = text[..<separator.lowerBound]
            secondary = text[separator.upperBound...]
        } else {
            primary = text[...]
            secondary = ""
        }
        let primaryParts = primary.split(separator: "<", omittingEmptySubsequences: true)
        guard !primaryParts.isEmpty, primary.first != "<" else {
            throw MRZError(.malformed, field: name, reason: "primary identifier is missing")
        }
        primaryIdentifier = primaryParts.joined(separator: " ")
        secondaryIdentifiers = secondary.split(separator: "<").map(String.init)
        fillsItsField = field.last != MRZ.filler
    }
}
