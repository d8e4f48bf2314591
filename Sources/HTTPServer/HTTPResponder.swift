/// Answers requests for an ``HTTPServer``.
public protocol HTTPResponder: Sendable {
    /// Answers one request.
    ///
    /// Called on libmicrohttpd's threads, several at once; it may block, which holds one of the
    /// server's threads for as long.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
