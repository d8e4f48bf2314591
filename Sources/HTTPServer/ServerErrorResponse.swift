/// A failure the server answers itself, in the house JSON error shape.
enum ServerErrorResponse: Equatable {
    /// The request body is larger than the configured limit.
    case bodyTooLarge(limit: Int)

    /// The responder's answer had a status or a header libmicrohttpd refuses.
    case responseNotSendable

    /// A query name or value holds an encoded NUL (`%00`).
    case nulInQuery

    /// The request path holds an encoded NUL (`%00`).
    case nulInPath

    var status: Int {
        switch self {
        case .bodyTooLarge: 413
        case .responseNotSendable: 500
        case .nulInQuery, .nulInPath: 400
        }
    }

    var code: String {
        switch self {
        case .bodyTooLarge: "body_too_large"
        case .responseNotSendable: "internal_error"
        case .nulInQuery, .nulInPath: "invalid_field"
        }
    }

    /// Says what went wrong without echoing anything the client sent.
    var message: String {
        switch self {
        case .bodyTooLarge(let limit): "request body exceeds \(limit) bytes"
        case .responseNotSendable: "the server could not form a response"
        case .nulInQuery: "the query holds a NUL character (%00)"
        case .nulInPath: "the path holds a NUL character (%00)"
        }
    }

    var response: HTTPResponse {
        let field =
            switch self {
            case .responseNotSendable, .nulInPath: "null"
            case .nulInQuery: #""query""#
            case .bodyTooLarge: #""body""#
            }
        let json = #"{"error":{"code":"\#(code)","field":\#(field),"message":"\#(message)"}}"#
        return HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json")],
            body: Array(json.utf8)
        )
    }
}
