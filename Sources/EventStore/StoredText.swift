import Postgres

/// Text as stored in the log: a string, or a value still in the query result it was read with,
/// decoded each time it is asked for. A reader that never looks at an event's data (one that
/// skips event types it does not handle, say) then never pays for copying it out.
///
/// The result stays in memory for as long as any event read from it does.
struct StoredText: Sendable, Equatable {
    private enum Storage {
        case string(String)
        case value(PostgresResult, row: Int, column: Int)
    }

    private let storage: Storage

    init(_ string: String) {
        storage = .string(string)
    }

    init(in result: PostgresResult, row: Int, column: Int) {
        storage = .value(result, row: row, column: column)
    }

    var string: String {
        switch storage {
        case .string(let string): string
        case .value(let result, let row, let column):
            String(decoding: result.bytes(row: row, column: column), as: UTF8.self)
        }
    }

    /// The UTF-8 bytes, without going through a String.
    var utf8: [UInt8] {
        switch storage {
        case .string(let string): Array(string.utf8)
        case .value(let result, let row, let column): Array(result.bytes(row: row, column: column))
        }
    }

    static func == (first: StoredText, second: StoredText) -> Bool {
        first.string == second.string
    }
}
