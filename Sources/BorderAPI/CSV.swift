/// A small RFC 4180 reader: fields separated by commas, records by CRLF or LF, a field in double
/// quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped.
enum CSV {
    struct Record {
        /// The line the record starts on, from 1.
        var line: Int
        var fields: [String]
    }

    static func records(_ text: String) throws(APIError) -> [Record] {
        var records = [Record]()
        var fields = [String]()
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return iterator.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    let following = next()
                    if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",": fields.append(field); field = ""
            case "\n", "\r\n":
                fields.append(field)
                if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
                fields = []
                field = ""
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        guard !quoted else {
            throw APIError(.malformedBody, "a quoted field is not closed", field: "line \(recordLine)")
        }
        fields.append(field)
        if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
        return records
    }
}
