/// The body received so far for one request.
final class RequestBody {
    var bytes: [UInt8] = []
}

/// How far one request has got between libmicrohttpd's calls to the access handler.
enum RequestProgress {
    /// The handler has not been called for this request yet.
    case notStarted

    /// The headers are in; no body bytes have arrived.
    case headersReceived

    /// Body bytes are arriving.
    case receivingBody(RequestBody)

    /// The body outgrew the limit; the rest is read and discarded, then answered 413.
    ///
    /// libmicrohttpd accepts a response only once the request is complete, or before its body starts.
    case discardingBody

    /// A response is queued; anything still arriving is discarded.
    case answered

    /// The request's path, or its query, holds an encoded NUL (`%00`), seen before decoding
    /// (`inspectTarget`).
    case nulInTarget(inQuery: Bool)
}

/// libmicrohttpd's per-request pointer (`req_cls`), holding a ``RequestProgress``.
///
/// Only a request with a body allocates: the other states are stored as marker addresses. The slot
/// owns one reference to a ``RequestBody`` it holds; ``clear()`` releases it when the request ends.
struct RequestSlot {
    private static let headersReceivedMarker: UInt = 1
    private static let discardingBodyMarker: UInt = 2
    private static let answeredMarker: UInt = 3
    static let nulInPathMarker: UInt = 4
    static let nulInQueryMarker: UInt = 5

    let pointer: UnsafeMutablePointer<UnsafeMutableRawPointer?>

    /// Whether the access handler has been called for the request (and counted it in flight).
    var hasReachedTheHandler: Bool {
        switch progress {
        case .notStarted, .nulInTarget: false
        default: true
        }
    }

    var progress: RequestProgress {
        guard let stored = pointer.pointee else {
            return .notStarted
        }
        switch UInt(bitPattern: stored) {
        case Self.headersReceivedMarker:
            return .headersReceived
        case Self.discardingBodyMarker:
            return .discardingBody
        case Self.answeredMarker:
            return .answered
        case Self.nulInPathMarker:
            return .nulInTarget(inQuery: false)
        case Self.nulInQueryMarker:
            return .nulInTarget(inQuery: true)
        default:
            return .receivingBody(Unmanaged<RequestBody>.fromOpaque(stored).takeUnretainedValue())
        }
    }

    /// Moves to `next`, releasing the body held before.
    func advance(to next: RequestProgress) {
        clear()
        switch next {
        case .notStarted:
            break
        case .headersReceived:
            pointer.pointee = UnsafeMutableRawPointer(bitPattern: Self.headersReceivedMarker)
        case .receivingBody(let body):
            pointer.pointee = Unmanaged.passRetained(body).toOpaque()
        case .discardingBody:
            pointer.pointee = UnsafeMutableRawPointer(bitPattern: Self.discardingBodyMarker)
        case .answered:
            pointer.pointee = UnsafeMutableRawPointer(bitPattern: Self.answeredMarker)
        case .nulInTarget(let inQuery):
            pointer.pointee = UnsafeMutableRawPointer(
                bitPattern: inQuery ? Self.nulInQueryMarker : Self.nulInPathMarker)
        }
    }

    /// Releases the body held, if any, and empties the slot.
    func clear() {
        if case .receivingBody = progress, let stored = pointer.pointee {
            Unmanaged<RequestBody>.fromOpaque(stored).release()
        }
        pointer.pointee = nil
    }
}
