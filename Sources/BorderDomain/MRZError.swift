/// A machine-readable zone that cannot be read.
///
/// The field is a stable name such as `"mrz[1].dateOfBirth"`: `mrz[0]` is the first line. The
/// description names the field and what is wrong with it, never the characters that were read,
/// because those are personal data.
public struct MRZError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// Wrong number of lines, wrong line length, or a field of the wrong shape.
        case malformed
        /// A character outside `A`–`Z`, `0`–`9` and `<`.
        case invalidCharacter
        /// A check digit that does not match the data it covers.
        case checkDigit
        /// A date that is not a day of the calendar.
        case invalidDate
        /// A well-formed zone of a kind this reader does not handle.
        case unsupportedFormat
        /// An issuing state or nationality that is neither an ISO 3166-1 alpha-3 code nor one ICAO adds.
        case unknownCode
        /// The reference data needed to check a field (the ISO 3166-1 table) cannot be read.
        case referenceDataUnavailable
    }

    public var code: Code
    /// The stable name of the field at fault: `"mrz"`, `"mrz[0]"`, `"mrz[1].documentNumber"`.
    public var field: String
    /// What is wrong, in words that contain no characters of the zone.
    public var reason: String

    public init(_ code: Code, field: String, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }
}

extension MRZError: CustomStringConvertible {
    public var description: String {
        "MRZ \(code.rawValue) at \(field): \(reason)"
    }
}
