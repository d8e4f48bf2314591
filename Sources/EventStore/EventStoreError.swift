import Postgres

/// The one error type of the event store. Messages name streams, versions and command ids, which
/// carry no personal data (stream ids are derived digests); never SQL or event payloads.
public struct EventStoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The stream is not at the expected version.
        case conflict
        /// An idempotency key was used again with a different request.
        case idempotencyKeyReused
        /// The append lock could not be had within the lock timeout.
        case lockTimeout
        /// The database is unreachable or the connection was lost before the outcome was known.
        case unavailable
        /// The connection was lost during COMMIT: the append may or may not have been stored.
        /// Retrying with the same idempotency key answers which.
        case outcomeUnknown
        /// A migration or stored value is not what this version of the store expects.
        case corrupt
        /// Any other database refusal.
        case database
    }

    public var code: Code
    public var message: String
    public var underlying: PostgresError?

    public init(_ code: Code, _ message: String, underlying: PostgresError? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        guard let underlying else { return message }
        return "\(message) (\(underlying))"
    }

    static func conflict(stream: String, expected: ExpectedVersion, actual: Int64) -> EventStoreError {
        EventStoreError(
            .conflict,
            "stream \(stream) expected at version \(expected) but is at version \(actual)")
    }

    static func wrapping(_ error: any Error, context: String) -> EventStoreError {
        if let error = error as? EventStoreError { return error }
        guard let error = error as? PostgresError else {
            return EventStoreError(.database, "\(context) failed: \(error)")
        }
        if error.isConnectionLoss {
            return EventStoreError(.unavailable, "\(context): database unavailable", underlying: error)
        }
        if error.sqlState == PostgresError.State.lockNotAvailable {
            return EventStoreError(.lockTimeout, "\(context): the append lock was not free in time", underlying: error)
        }
        return EventStoreError(.database, "\(context) failed", underlying: error)
    }
}
