/// Text-format array literals for `text[]` parameters.
public enum PostgresArray {
    /// `{"a","b"}` with quotes and backslashes escaped.
    public static func literal(_ values: [String]) -> String {
        literal(values.map { Optional($0) })
    }

    /// `{"a",NULL}`: nil elements are SQL NULL.
    public static func literal(_ values: [String?]) -> String {
        var builder = PostgresArrayBuilder(capacity: values.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for value in values { builder.append(value) }
        return builder.literal
    }

    /// Parses a text-format one-dimensional array of strings, as PostgreSQL prints `text[]`.
    public static func parse(_ text: String) -> [String] {
        var values = [String]()
        var current = ""
        var quoted = false
        var escaping = false
        var wasQuoted = false
        for character in text.dropFirst().dropLast() {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                values.append(current)
                current = ""
                wasQuoted = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty || wasQuoted { values.append(current) }
        return values
    }
}

/// Builds a text-format array literal element by element, without intermediate strings.
public struct PostgresArrayBuilder: Sendable {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    public init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func append(_ value: String?) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        guard var text = value else {
            bytes += [UInt8(ascii: "N"), UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L")]
            return
        }
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func append(_ value: Int64) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes += Array(String(value).utf8)
    }

    public var literal: String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
}
