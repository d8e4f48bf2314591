/// The domain's one error type: a refused command or an unreadable stored event. `field` names the
/// input field at fault (`port`, `mrz[1].documentNumber`); messages never quote personal data.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case invalidDocument = "invalid_document"
        case unknownPort = "unknown_port"
        case invalidField = "invalid_field"
        case missingField = "missing_field"
        case unreadableEvent = "unreadable_event"
        /// The record holds nothing the command names (a permit, a crossing, an accreditation).
        case notFound = "not_found"
        /// The command breaks a rule given what the record holds (extending a cancelled permit).
        case refused = "refused"
    }

    public var code: Code
    public var field: String
    public var message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
