import BorderTime
import JSON

/// Reads a command's JSON body field by field, refusing unknown fields and naming the field at
/// fault in every error.
struct BodyReader {
    let fields: [String: JSON]
    /// Put before field names in errors, for a nested object (`document.`).
    let prefix: String

    init(_ body: [UInt8], allowed: Set<String>, prefix: String = "") throws(APIError) {
        self.prefix = prefix
        let json: JSON
        do {
            json = try JSON.parse(body)
        } catch {
            throw APIError(.malformedBody, "body is not valid JSON: \(error)")
        }
        guard let fields = json.objectValue else {
            throw APIError(.malformedBody, "body must be a JSON object, not \(json.typeName)")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            let named = APIError.looksLikeFieldName(unknown)
            throw APIError(
                .unknownField,
                "the body has a field this endpoint does not take; it takes "
                    + allowed.sorted().joined(separator: ", "),
                field: named ? prefix + unknown : prefix.isEmpty ? "body" : String(prefix.dropLast()))
        }
        self.fields = fields
    }

    /// The body in canonical form: what a retry is compared by, so that a retry re-serialised
    /// with other spacing or key order is still recognised as the same request.
    var canonical: [UInt8] { JSON.object(fields).serialized() }

    func string(_ name: String) throws(APIError) -> String {
        guard let value = try optionalString(name) else {
            throw APIError(.missingField, "\(name) is required", field: prefix + name)
        }
        return value
    }

    func optionalString(_ name: String) throws(APIError) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?:
            throw APIError(.invalidField, "\(name) must be a string, not \(other.typeName)", field: prefix + name)
        }
    }

    func strings(_ name: String) throws(APIError) -> [String] {
        guard let value = fields[name], value != .null else {
            throw APIError(.missingField, "\(name) is required", field: prefix + name)
        }
        guard let array = value.arrayValue else {
            throw APIError(.invalidField, "\(name) must be an array of strings", field: prefix + name)
        }
        var strings = [String]()
        for (index, element) in array.enumerated() {
            guard let string = element.stringValue else {
                throw APIError(.invalidField, "\(name)[\(index)] must be a string", field: "\(prefix)\(name)[\(index)]")
            }
            strings.append(string)
        }
        return strings
    }

    func timestamp(_ name: String) throws(APIError) -> Timestamp {
        let text = try string(name)
        guard let timestamp = Timestamp(rfc3339: text) else {
            throw APIError(
                .invalidField, "\(name) must be an RFC 3339 date-time such as 2024-10-20T15:30:00Z",
                field: prefix + name)
        }
        return timestamp
    }
}
