import Synchronization

/// What the access handler needs from the server, passed to libmicrohttpd as its callback context.
///
/// The server holds the only strong reference and stops the daemon before releasing it, so the
/// handler borrows it unretained.
final class RequestHandlerContext: Sendable {
    let responder: any HTTPResponder
    let maxBodyBytes: Int
    /// Requests begun and not yet completed (answered and sent, or aborted).
    let inFlight = Atomic<Int>(0)

    init(responder: any HTTPResponder, maxBodyBytes: Int) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
    }
}
