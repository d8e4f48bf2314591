import HTTPServer
import Locking

/// Echoes each request's body back with its method, path and sorted query in headers, and keeps
/// every request it saw.
final class RecordingResponder: HTTPResponder {
    private let seen = Locked<[HTTPRequest]>([])

    var requests: [HTTPRequest] {
        seen.withLock { $0 }
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        seen.withLock { $0.append(request) }
        let query = request.query.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.replacingOccurrences(of: "\u{0}", with: ","))"
        }.joined(separator: "&")
        return HTTPResponse(
            status: 200,
            headers: [
                ("X-Echo-Method", request.method),
                ("X-Echo-Path", request.path),
                ("X-Echo-Query", query),
            ],
            body: request.body
        )
    }
}

/// Echoes the body and keeps nothing, for many requests at once.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("X-Echo-Path", request.path)], body: request.body)
    }
}

/// Gives the same response to every request.
struct FixedResponder: HTTPResponder {
    var response: HTTPResponse

    func respond(to request: HTTPRequest) -> HTTPResponse {
        response
    }
}
