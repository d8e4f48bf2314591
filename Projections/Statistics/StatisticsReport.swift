import Foundation
import JSON

/// A table of figures: named columns and rows of values in column order. The API answers it as
/// JSON objects (`json`) or as CSV for spreadsheets (`csv`).
public struct StatisticsReport: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[JSON]]

    public init(columns: [String], rows: [[JSON]]) {
        self.columns = columns
        self.rows = rows
    }

    /// One object per row, keyed by column name: `[{"day": "2024-10-20", "crossings": 12}]`.
    public var json: [JSON] {
        rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(columns, row))) }
    }

    /// RFC 4180: a header row of the column names, then one record per row; every record ends in
    /// CRLF (`\r\n`), and a field holding a comma, a double quote, CR or LF is quoted, its double
    /// quotes doubled. Numbers are written bare, text as it is, null as an empty field.
    public var csv: String {
        ([columns.map(Self.field)] + rows.map { $0.map(Self.cell) })
            .map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    private static func cell(_ value: JSON) -> String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): field(text)
        case .null: ""
        default: field(value.serializedString())
        }
    }

    private static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
