/// The name field of a machine-readable zone: the primary identifier, the separator `<<`,
/// then the secondary identifiers separated by `<`.
struct MRZName {
    var primaryIdentifier: String
    var secondaryIdentifiers: [String]

    init(_ field: ArraySlice<UInt8>) throws(MRZError) {
        guard field.allSatisfy({ MRZ.isLetter($0) || $0 == MRZ.filler }) else {
            throw MRZError(.malformed, field: MRZField.name, reason: "may contain only letters and '<'")
        }
        let text = TD3Reader.text(field)
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
            throw MRZError(.malformed, field: MRZField.name, reason: "primary identifier is missing")
        }
        primaryIdentifier = primaryParts.joined(separator: " ")
        secondaryIdentifiers = secondary.split(separator: "<").map(String.init)
    }
}
