import JSON

/// An error answered to a client: one JSON shape, `{"error": {"code", "message", "field"}}`, with
/// one mapping from code to HTTP status. Messages name the field, never the value sent.
public struct APIError: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case malformedBody = "malformed_body"
        case missingField = "missing_field"
        case invalidField = "invalid_field"
        case unknownField = "unknown_field"
        case invalidDocument = "invalid_document"
        case unknownPort = "unknown_port"
        case invalidHeader = "invalid_header"
        case notFound = "not_found"
        case ambiguous = "ambiguous"
        case methodNotAllowed = "method_not_allowed"
        case unsupportedMediaType = "unsupported_media_type"
        case conflict = "conflict"
        case idempotencyKeyReused = "idempotency_key_reused"
        case unavailable = "unavailable"
        case outcomeUnknown = "outcome_unknown"
        case internalError = "internal_error"

        public var status: Int {
            switch self {
            case .malformedBody, .missingField, .invalidField, .unknownField, .invalidHeader: 400
            case .invalidDocument, .unknownPort: 422
            case .notFound: 404
            case .ambiguous, .conflict: 409
            case .idempotencyKeyReused: 422
            case .methodNotAllowed: 405
            case .unsupportedMediaType: 415
            case .unavailable, .outcomeUnknown: 503
            case .internalError: 500
            }
        }
    }

    public var code: Code
    public var message: String
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var json: JSON {
        var body: [String: JSON] = ["code": .string(code.rawValue), "message": .string(message)]
        if let field { body["field"] = .string(field) }
        return ["error": .object(body)]
    }
}
