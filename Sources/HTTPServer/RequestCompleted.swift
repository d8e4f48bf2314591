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
    if let context, !slot.isNotStarted {
        Unmanaged<RequestHandlerContext>.fromOpaque(context).takeUnretainedValue().inFlight.subtract(
            1, ordering: .relaxed)
    }
    slot.clear()
}
