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
        case unauthorized = "unauthorized"
        case forbidden = "forbidden"
        /// The command breaks a rule given what the record holds (extending a cancelled permit).
        case refused = "refused"
        case ambiguous = "ambiguous"
        case methodNotAllowed = "method_not_allowed"
        case unsupportedMediaType = "unsupported_media_type"
        case conflict = "conflict"
        case idempotencyKeyReused = "idempotency_key_reused"
        case unavailable = "unavailable"
        case outcomeUnknown = "outcome_unknown"
        case internalError = "internal_error"
        /// A body over the HTTP layer's limit (answered before routing), or a list over its rows.
        case bodyTooLarge = "body_too_large"

        public var status: Int {
            switch self {
            case .malformedBody, .missingField, .invalidField, .unknownField, .invalidHeader: 400
            case .invalidDocument, .unknownPort: 422
            case .notFound: 404
            case .unauthorized: 401
            case .forbidden: 403
            case .refused: 422
            case .ambiguous, .conflict: 409
            case .idempotencyKeyReused: 422
            case .methodNotAllowed: 405
            case .unsupportedMediaType: 415
            case .unavailable, .outcomeUnknown: 503
            case .internalError: 500
            case .bodyTooLarge: 413
            }
        }
    }

    public var code: Code
    public var message: String
    public var field: String?
    /// For 405: the methods the route allows, sent as the `Allow` header.
    public var allowed: [String] = []
    /// What lay underneath, for the server's log only (never sent): `lockTimeout`, `unavailable`.
    public var cause: String?

    public init(_ code: Code, _ message: String, field: String? = nil, allowed: [String] = []) {
        self.code = code
        self.message = message
        self.field = field
        self.allowed = allowed
    }

    /// `field` is always present: the field at fault, or null when no single field is.
    public var json: JSON {
        ["error": ["code": .string(code.rawValue), "message": .string(message), "field": .optional(field)]]
    }

    /// Whether an unknown key the client sent may be named in `field`: only when it looks like
    /// one of the API's own names (a lower-case letter, then letters or `_`, at most 40), so that
    /// whatever else a client put in a key (a name such as NGUYEN, a document number such as
    /// PA0000009) never comes back in an error.
    static func looksLikeFieldName(_ key: String) -> Bool {
        guard let first = key.utf8.first, (97...122).contains(first), key.utf8.count <= 40 else { return false }
        return key.utf8.allSatisfy { (97...122).contains($0) || (65...90).contains($0) || $0 == 95 }
    }
}
