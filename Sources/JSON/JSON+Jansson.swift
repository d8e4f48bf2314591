import CJansson
import Foundation

extension JSON {
    /// Parses a JSON document. Duplicate object keys are refused.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSON {
        var error = json_error_t()
        let flags = JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL
        let load = { (buffer: UnsafeBufferPointer<UInt8>) in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                json_loadb(chars.baseAddress, chars.count, size_t(flags), &error)
            }
        }
        let root = bytes.withContiguousStorageIfAvailable(load) ?? Array(bytes).withUnsafeBufferPointer(load)
        guard let root else {
            let reason = withUnsafeBytes(of: error.text) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw JSONError(line: Int(error.line), column: Int(error.column), reason: Self.redacted(reason))
        }
        defer { json_decref(root) }
        return JSON(jansson: root)
    }

    init(jansson value: UnsafeMutablePointer<json_t>) {
        switch value.pointee.type {
        case JSON_OBJECT:
            var members = [String: JSON](minimumCapacity: json_object_size(value))
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

    /// jansson ends its messages with `near '<input>'`; cut that part so no input is echoed.
    private static func redacted(_ reason: String) -> String {
        guard let range = reason.range(of: " near ") else { return reason }
        return String(reason[..<range.lowerBound])
    }
}
