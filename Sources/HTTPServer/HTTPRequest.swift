/// One HTTP request as the server hands it to an ``HTTPResponder``, with its body fully read.
public struct HTTPRequest: Sendable {
    /// The request method as sent, such as `GET` or `POST`.
    public var method: String

    /// The request target's path, without the query string.
    public var path: String

    /// The decoded query arguments; a repeated name holds all its values joined by NUL (which no
    /// single decoded value holds). A name without `=` maps to "".
    public var query: [String: String]

    /// The request headers keyed by lowercased name; repeated headers are joined with ", ".
    public var headers: [String: String]

    /// The request body, at most ``HTTPServer/Configuration/maxBodyBytes`` long.
    public var body: [UInt8]

    public init(
        method: String,
        path: String,
        query: [String: String] = [:],
        headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}
