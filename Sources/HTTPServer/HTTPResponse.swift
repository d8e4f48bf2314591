/// The answer to one ``HTTPRequest``. The server sets `Content-Length` itself.
public struct HTTPResponse: Sendable {
    /// The status code, such as 200 or 404.
    public var status: Int

    /// Headers to send, in order. A `Content-Length` given here is ignored, and so is a header with an
    /// empty value, which libmicrohttpd 0.9.75 cannot send.
    public var headers: [(String, String)]

    /// The response body, copied when the response is queued.
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
