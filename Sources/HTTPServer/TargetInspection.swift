import CMicroHTTPD

#if canImport(Glibc)
    import Glibc
#endif

/// libmicrohttpd's URI log callback (`MHD_OPTION_URI_LOG_CALLBACK`), called once per request with
/// its target as sent, before anything is decoded; what it returns becomes the request's
/// `req_cls`. A target holding an encoded NUL (`%00`) is marked to be refused: the decoded path
/// and query values reach us as C strings, cut at the NUL, so `/health%00junk` would be answered
/// as `/health` and `document=PA0000009%00junk` as PA0000009.
func inspectTarget(
    context: UnsafeMutableRawPointer?,
    uri: UnsafePointer<CChar>?,
    connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let uri else { return nil }
    let target = UnsafeBufferPointer(
        start: UnsafeRawPointer(uri).assumingMemoryBound(to: UInt8.self), count: strlen(uri))
    guard
        let nul = target.indices.first(where: { index in
            index + 2 < target.endIndex && target[index] == UInt8(ascii: "%")
                && target[index + 1] == UInt8(ascii: "0") && target[index + 2] == UInt8(ascii: "0")
        })
    else { return nil }
    let inQuery = target[..<nul].contains(UInt8(ascii: "?"))
    return UnsafeMutableRawPointer(bitPattern: inQuery ? RequestSlot.nulInQueryMarker : RequestSlot.nulInPathMarker)
}
