import BorderDomain
import BorderTime
import JSON

extension BodyReader {
    /// A calendar date `YYYY-MM-DD` that exists.
    func day(_ name: String) throws(APIError) -> CivilDay {
        guard let day = CivilDay(iso: try string(name)) else {
            throw APIError(.invalidField, "\(name) must be a date YYYY-MM-DD that exists", field: prefix + name)
        }
        return day
    }

    func optionalInt(_ name: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64? {
        switch fields[name] {
        case nil, .null?: return nil
        case .int(let value)? where range.contains(value): return value
        default:
            throw APIError(
                .invalidField, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                field: prefix + name)
        }
    }

    func int(_ name: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64 {
        guard let value = try optionalInt(name, in: range) else {
            throw APIError(.missingField, "\(name) is required", field: prefix + name)
        }
        return value
    }

    /// Free text such as a reason: 1 to `maxLength` characters, no control characters.
    func text(_ name: String, maxLength: Int = 500) throws(APIError) -> String {
        let value = try string(name)
        guard (1...maxLength).contains(value.count), !value.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw APIError(
                .invalidField, "\(name) must be 1 to \(maxLength) characters without control characters",
                field: prefix + name)
        }
        return value
    }

    /// A code: `lengths` upper-case letters, digits or hyphens (a category, a summit, a badge number).
    func code(_ name: String, lengths: ClosedRange<Int> = 1...32, lowercase: Bool = false) throws(APIError) -> String {
        let value = try string(name)
        let allowed: (UInt8) -> Bool = {
            (48...57).contains($0) || $0 == 45 || (lowercase ? (97...122).contains($0) : (65...90).contains($0))
        }
        guard lengths.contains(value.utf8.count), value.utf8.allSatisfy(allowed) else {
            let letters = lowercase ? "lower-case" : "upper-case"
            throw APIError(
                .invalidField,
                "\(name) must be \(lengths.lowerBound) to \(lengths.upperBound) \(letters) letters, digits or hyphens",
                field: prefix + name)
        }
        return value
    }

    func nested(_ name: String, allowed: Set<String>) throws(APIError) -> BodyReader {
        guard let value = fields[name], value != .null else {
            throw APIError(.missingField, "\(name) is required", field: prefix + name)
        }
        guard value.objectValue != nil else {
            throw APIError(.invalidField, "\(name) must be an object", field: prefix + name)
        }
        return try BodyReader(value.serialized(), allowed: allowed, prefix: "\(name).")
    }
}
