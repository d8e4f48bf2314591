import Foundation

/// Structured log lines on stderr: time, level, a fixed message, then key=value fields.
/// Never pass personal data (names, document numbers, dates of birth) to `info` or above.
enum Log {
    static func info(_ message: String) { write("info", message) }
    static func warning(_ message: String) { write("warning", message) }
    static func error(_ message: String) { write("error", message) }

    private static func write(_ level: String, _ message: String) {
        let line = "\(ISO8601DateFormatter().string(from: Date())) \(level) \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
