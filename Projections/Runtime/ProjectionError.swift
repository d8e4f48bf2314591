import EventStore
import Postgres

/// The projections' one error type.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case missingResource
        case unreadableEvent
        case gapInLog
        case leaseLost
        case database
        /// A query's parameter is out of range or unknown; the message names the parameter.
        case invalidParameter
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
