/// Text-format array literals for `text[]` parameters.
public enum PostgresArray {
    /// `{"a","b"}` with quotes and backslashes escaped.
    public static func literal(_ values: [String]) -> String {
        literal(values.map { Optional($0) })
    }

    /// `{"a",NULL}`: nil elements are SQL NULL.
    public static func literal(_ values: [String?]) -> String {
        let quoted = values.map { element -> String in
            guard let value = element else { return "NULL" }
            var escaped = ""
            for character in value {
                if character == "\"" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return "\"\(escaped)\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
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
