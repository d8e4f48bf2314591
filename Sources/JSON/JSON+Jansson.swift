import CJansson
import Foundation

extension JSON {
    /// Parses a JSON document. Duplicate object keys are refused.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSON {
        var error = json_error_t()
        let flags = JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL
        let root: UnsafeMutablePointer<json_t>? = Array(bytes).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                json_loadb(chars.baseAddress, chars.count, size_t(flags), &error)
            }
        }
        guard let root else {
            let reason = withUnsafeBytes(of: error.text) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw JSONError(line: Int(error.line), column: Int(error.column), reason: Self.redacted(reason))
        }
        defer { json_decref(root) }
        return JSON(jansson: root)
    }

    /// jansson's `JSON_REAL_PRECISION(17)`, a function-like macro that does not import.
    private static let realPrecision17: Int32 = 17 << 11

    /// Compact text with sorted keys: the canonical form hashed into the event log.
    public func serialized() -> [UInt8] {
        let root = makeJansson()
        defer { json_decref(root) }
        let flags = JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY | Self.realPrecision17
        guard let text = json_dumps(root, size_t(flags)) else { preconditionFailure("jansson out of memory") }
        defer { free(text) }
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }

    public func serializedString() -> String { String(decoding: serialized(), as: UTF8.self) }

    init(jansson value: UnsafeMutablePointer<json_t>) {
        switch value.pointee.type {
        case JSON_OBJECT:
            var members = [String: JSON]()
            var iterator = json_object_iter(value)
            while let current = iterator {
                let key = String(cString: json_object_iter_key(current))
                members[key] = JSON(jansson: json_object_iter_value(current))
                iterator = json_object_iter_next(value, current)
            }
            self = .object(members)
        case JSON_ARRAY:
            self = .array((0..<json_array_size(value)).map { JSON(jansson: json_array_get(value, $0)) })
        case JSON_STRING:
            let bytes = UnsafeRawBufferPointer(start: json_string_value(value), count: json_string_length(value))
            self = .string(String(decoding: bytes, as: UTF8.self))
        case JSON_INTEGER: self = .int(Int64(json_integer_value(value)))
        case JSON_REAL: self = .double(json_real_value(value))
        case JSON_TRUE: self = .bool(true)
        case JSON_FALSE: self = .bool(false)
        default: self = .null
        }
    }

    private func makeJansson() -> UnsafeMutablePointer<json_t> {
        let made: UnsafeMutablePointer<json_t>?
        switch self {
        case .null: made = json_null()
        case .bool(let value): made = value ? json_true() : json_false()
        case .int(let value): made = json_integer(json_int_t(value))
        case .double(let value): made = json_real(value)
        case .string(let value):
            made = value.utf8CString.withUnsafeBufferPointer { json_stringn($0.baseAddress, $0.count - 1) }
        case .array(let elements):
            made = json_array()
            for element in elements { json_array_append_new(made, element.makeJansson()) }
        case .object(let members):
            made = json_object()
            for (key, member) in members { json_object_set_new(made, key, member.makeJansson()) }
        }
        guard let made else { preconditionFailure("jansson could not build a value (invalid UTF-8 or no memory)") }
        return made
    }

    /// jansson ends its messages with `near '<input>'`; cut that part so no input is echoed.
    private static func redacted(_ reason: String) -> String {
        guard let range = reason.range(of: " near ") else { return reason }
        return String(reason[..<range.lowerBound])
    }
}
