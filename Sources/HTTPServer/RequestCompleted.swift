import CMicroHTTPD

/// libmicrohttpd's request-completed callback (`MHD_OPTION_NOTIFY_COMPLETED`), called on its threads
/// when a request ends, whether answered, timed out or aborted by the client.
func completeRequest(
    context: UnsafeMutableRawPointer?,
    connection: OpaquePointer?,
    requestState: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    termination: MHD_RequestTerminationCode
) {
    guard let requestState else {
        return
    }
    let slot = RequestSlot(pointer: requestState)
    // Counted in flight from the access handler's first call; a request marked by
    // `inspectTarget` may end before that call.
    if let context, slot.hasReachedTheHandler {
        Unmanaged<RequestHandlerContext>.fromOpaque(context).takeUnretainedValue().inFlight.subtract(
            1, ordering: .relaxed)
    }
    slot.clear()
}
