/// A failure the server answers itself, in the house JSON error shape.
enum ServerErrorResponse: Equatable {
    /// The request body is larger than the configured limit.
    case bodyTooLarge(limit: Int)

    /// The responder's answer had a status or a header libmicrohttpd refuses.
    case responseNotSendable

    var status: Int {
        switch self {
        case .bodyTooLarge: 413
        case .responseNotSendable: 500
        }
    }

    var code: String {
        switch self {
        case .bodyTooLarge: "body_too_large"
        case .responseNotSendable: "internal_error"
        }
    }

    /// Says what went wrong without echoing anything the client sent.
    var message: String {
        switch self {
        case .bodyTooLarge(let limit): "request body exceeds \(limit) bytes"
        case .responseNotSendable: "the server could not form a response"
        }
    }

    var response: HTTPResponse {
        let field = self == .responseNotSendable ? "null" : #""body""#
        let json = #"{"error":{"code":"\#(code)","field":\#(field),"message":"\#(message)"}}"#
        return HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json")],
            body: Array(json.utf8)
        )
    }
}
