/// One row of a result, copied out of libpq's memory. Values are in PostgreSQL's text format.
public struct PostgresRow: Sendable {
    public let values: [String?]

    public init(values: [String?]) {
        self.values = values
    }

    public subscript(_ index: Int) -> String? { values[index] }

    public func string(_ index: Int) throws(PostgresError) -> String {
        guard let value = values[index] else {
            throw PostgresError(code: .decoding, context: "column \(index) is NULL")
        }
        return value
    }

    public func int64(_ index: Int) throws(PostgresError) -> Int64 {
        guard let value = Int64(try string(index)) else {
            throw PostgresError(code: .decoding, context: "column \(index) is not an integer")
        }
        return value
    }

    public func optionalInt64(_ index: Int) throws(PostgresError) -> Int64? {
        values[index] == nil ? nil : try int64(index)
    }

    public func bool(_ index: Int) throws(PostgresError) -> Bool {
        switch try string(index) {
        case "t": return true
        case "f": return false
        default: throw PostgresError(code: .decoding, context: "column \(index) is not a boolean")
        }
    }

    /// Decodes a `bytea` column in hex output format (`\x0a1b...`).
    public func bytes(_ index: Int) throws(PostgresError) -> [UInt8] {
        let text = try string(index)
        guard text.hasPrefix("\\x"), let bytes = Hex.decode(text.dropFirst(2)) else {
            throw PostgresError(code: .decoding, context: "column \(index) is not bytea in hex format")
        }
        return bytes
    }
}

/// Hexadecimal helpers for `bytea` parameters and results.
public enum Hex {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    /// A `bytea` literal for a text-format parameter.
    public static func bytea(_ bytes: some Sequence<UInt8>) -> String { "\\x" + encode(bytes) }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
