/// Text-format array literals for `text[]` parameters.
public enum PostgresArray {
    /// `{"a","b"}` with quotes and backslashes escaped.
    public static func literal(_ values: [String]) -> String {
        literal(values.map { Optional($0) })
    }

    /// `{"a",NULL}`: nil elements are SQL NULL.
    public static func literal(_ values: [String?]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        bytes.append(UInt8(ascii: "{"))
        for (index, element) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let value = element else {
                bytes += Array("NULL".utf8)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
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
