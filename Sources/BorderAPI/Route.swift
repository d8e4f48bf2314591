import HTTPServer

/// One route of the API: method, path (a `{name}` segment matches any one segment), the roles
/// that may call it (nil: anyone, no token), and its handler.
struct Route: Sendable {
    typealias Handler = @Sendable (BorderAPI, Call) throws(APIError) -> HTTPResponse

    let method: String
    let path: String
    let roles: Set<Role>?
    let handler: Handler
    /// `path` split at "/", once: every request is matched against every route.
    let segments: [Substring]

    init(_ method: String, _ path: String, roles: Set<Role>?, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.roles = roles
        self.handler = handler
        segments = path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The values of the `{name}` segments when a path, split at "/", matches this route's path.
    func match(_ requested: [Substring]) -> [String: String]? {
        guard segments.count == requested.count else { return nil }
        var parameters = [String: String]()
        for (expected, actual) in zip(segments, requested) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard !actual.isEmpty else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}

/// A request on its way to a handler: the request, its caller (nil on a public route) and the
/// values of the path's `{name}` segments.
struct Call: Sendable {
    let request: HTTPRequest
    let caller: Caller?
    let parameters: [String: String]

    /// The caller of a route that needs a token (the router has checked there is one).
    func authenticated() throws(APIError) -> Caller {
        guard let caller else {
            throw APIError(.unauthorized, "this route needs a bearer token", field: "Authorization")
        }
        return caller
    }
}
