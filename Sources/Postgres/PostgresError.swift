/// The one error type of the Postgres module.
///
/// The description names what failed and the SQLSTATE; it never contains SQL text or bind values.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The server could not be reached, or the connection was lost.
        case connection
        /// The server refused a statement; `sqlState` says why.
        case server
        /// A value could not be read as the type asked for.
        case decoding
    }

    public var code: Code
    /// The five-character SQLSTATE sent by the server, when there is one.
    public var sqlState: String?
    /// The server's primary message. Kept out of `description` because it may quote values.
    public var serverMessage: String
    public var context: String

    public init(code: Code, sqlState: String? = nil, serverMessage: String = "", context: String) {
        self.code = code
        self.sqlState = sqlState
        self.serverMessage = serverMessage
        self.context = context
    }

    public var description: String {
        switch code {
        case .connection: "postgres: connection failed during \(context): \(Self.firstLine(of: serverMessage))"
        case .server: "postgres: \(context) failed with SQLSTATE \(sqlState ?? "?????")"
        case .decoding: "postgres: \(context)"
        }
    }

    /// libpq's connection messages name host and port, never data, so their first line is shown.
    static func firstLine(of message: String) -> String {
        message.split(separator: "\n").first.map(String.init) ?? "no message"
    }

    /// Includes the server's message; for debug logs only.
    public var debugDescription: String { "\(description): \(serverMessage)" }
}

extension PostgresError {
    /// SQLSTATE values this project acts on. Errors are matched by code, never by message text.
    public enum State {
        public static let uniqueViolation = "23505"
        public static let insufficientPrivilege = "42501"
        public static let lockNotAvailable = "55P03"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let queryCanceled = "57014"
        public static let adminShutdown = "57P01"
        public static let undefinedTable = "42P01"
        /// Raised by the event log's own triggers when a change to the log is attempted.
        public static let appendOnlyViolation = "BC001"
        /// Raised when the auditor's role would own a schema other than a scratch schema.
        public static let auditorSchema = "BC004"
    }

    public var isConnectionLoss: Bool {
        if code == .connection { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || sqlState == State.adminShutdown
    }
}
