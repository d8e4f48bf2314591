import CMicroHTTPD
import Glibc
import Locking

/// An HTTP/1.1 server on libmicrohttpd that hands each request, body read in full, to an ``HTTPResponder``.
///
/// The server listens from `init` until ``stop()`` or until it is released; libmicrohttpd runs the
/// responder on a pool of its own threads.
public final class HTTPServer: Sendable {
    /// The port the server is bound to; the one the system chose when the configuration asked for port 0.
    public let port: UInt16

    private let handlerContext: RequestHandlerContext
    private let daemon: Locked<OpaquePointer?>

    /// Starts listening on the configured host and port.
    public init(configuration: Configuration = Configuration(), responder: some HTTPResponder) throws(HTTPServerError) {
        try configuration.validate()

        let handlerContext = RequestHandlerContext(responder: responder, maxBodyBytes: configuration.maxBodyBytes)
        let started = try startDaemon(
            configuration: configuration,
            handlerContext: Unmanaged.passUnretained(handlerContext).toOpaque()
        )

        self.handlerContext = handlerContext
        self.port = started.port
        self.daemon = Locked(started.daemon)
    }

    deinit {
        stop()
    }

    /// Stops accepting connections, lets the requests in flight finish and their answers go out
    /// (for at most `gracePeriodSeconds`), then stops. Answers to requests whose work was done
    /// (a command committed) therefore reach their clients.
    public func drainAndStop(gracePeriodSeconds: Double) {
        daemon.withLock { daemon in
            guard let running = daemon else { return }
            let listener = MHD_quiesce_daemon(running)
            if listener >= 0 { close(listener) }
            let deadline = ContinuousClock.now + .milliseconds(Int(gracePeriodSeconds * 1000))
            while handlerContext.inFlight.load(ordering: .relaxed) > 0 && ContinuousClock.now < deadline {
                usleep(10_000)
            }
            MHD_stop_daemon(running)
            daemon = nil
        }
    }

    /// Stops listening and returns once every request in flight has been answered.
    ///
    /// Calling it again, from any thread, does nothing more; a call made while another is stopping
    /// the server waits for it. A responder must not call it.
    public func stop() {
        daemon.withLock { daemon in
            guard let running = daemon else {
                return
            }
            MHD_stop_daemon(running)
            daemon = nil
        }
    }
}
