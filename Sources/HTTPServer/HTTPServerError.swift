#if canImport(Glibc)
    import Glibc
#endif

/// Why an ``HTTPServer`` could not start.
public struct HTTPServerError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The host is not an IPv4 address literal.
        case invalidHost = "invalid_host"

        /// A configuration value is out of range.
        case invalidConfiguration = "invalid_configuration"

        /// libmicrohttpd could not start the daemon, for example because the port is taken.
        case startFailed = "start_failed"
    }

    public var code: Code
    public var message: String

    /// The `errno` read where the failing call returned, when there was one.
    public var systemErrorNumber: Int32?

    public init(code: Code, message: String, systemErrorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.systemErrorNumber = systemErrorNumber
    }

    public var description: String {
        guard let systemErrorNumber, systemErrorNumber != 0 else {
            return "\(code.rawValue): \(message)"
        }
        return "\(code.rawValue): \(message): \(String(cString: strerror(systemErrorNumber)))"
    }
}
