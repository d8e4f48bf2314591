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
    RequestSlot(pointer: requestState).clear()
}
