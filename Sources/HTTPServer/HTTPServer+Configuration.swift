extension HTTPServer {
    /// Where the server listens and how much work it accepts.
    public struct Configuration: Sendable {
        /// The IPv4 address to bind to, as a literal such as `127.0.0.1` or `0.0.0.0`.
        public var host: String

        /// The port to bind to; 0 lets the system choose one, which ``HTTPServer/port`` then reports.
        public var port: UInt16

        /// How many threads answer requests.
        public var threads: Int

        /// The largest request body accepted; a larger one is answered 413 without calling the responder.
        public var maxBodyBytes: Int

        /// How long an idle connection stays open.
        public var connectionTimeoutSeconds: UInt32

        /// Whether libmicrohttpd writes its own error messages to stderr.
        public var logsErrors: Bool

        /// Open connections at most, in all; more are refused at once.
        public var connectionLimit: Int = 1024

        /// Open connections at most from one client address, so that one slow or hostile
        /// client (slowloris) cannot take every connection; 0 means no limit.
        public var connectionsPerAddress: Int = 256

        public init(
            host: String = "127.0.0.1",
            port: UInt16 = 0,
            threads: Int = 4,
            maxBodyBytes: Int = 1 << 20,
            connectionTimeoutSeconds: UInt32 = 30,
            logsErrors: Bool = false
        ) {
            self.host = host
            self.port = port
            self.threads = threads
            self.maxBodyBytes = maxBodyBytes
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.logsErrors = logsErrors
        }

        func validate() throws(HTTPServerError) {
            guard threads >= 1, threads <= Int(UInt32.max) else {
                throw HTTPServerError(
                    code: .invalidConfiguration, message: "threads must be from 1 to \(UInt32.max), got \(threads)")
            }
            guard connectionLimit >= 1, connectionsPerAddress >= 0 else {
                throw HTTPServerError(
                    code: .invalidConfiguration, message: "connection limits must be positive")
            }
            guard maxBodyBytes >= 0 else {
                throw HTTPServerError(
                    code: .invalidConfiguration,
                    message: "maxBodyBytes must not be negative, got \(maxBodyBytes)"
                )
            }
        }
    }
}
