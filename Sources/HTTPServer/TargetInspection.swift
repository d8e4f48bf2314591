import CMicroHTTPD

#if canImport(Glibc)
    import Glibc
#endif

/// libmicrohttpd's URI log callback (`MHD_OPTION_URI_LOG_CALLBACK`), called once per request with
/// its target as sent, before anything is decoded; what it returns becomes the request's
/// `req_cls`. A path holding an encoded NUL (`%00`) is marked to be refused: the decoded path
/// reaches the access handler as a C string, cut at the NUL, so `/health%00junk` would be
/// answered as `/health`. (The query is checked after decoding, with the values' lengths.)
func inspectTarget(
    context: UnsafeMutableRawPointer?,
    uri: UnsafePointer<CChar>?,
    connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let uri else { return nil }
    let target = UnsafeBufferPointer(
        start: UnsafeRawPointer(uri).assumingMemoryBound(to: UInt8.self), count: strlen(uri))
    let path = target.prefix { $0 != UInt8(ascii: "?") }
    let holdsNUL = path.indices.contains { index in
        index + 2 < path.endIndex && path[index] == UInt8(ascii: "%") && path[index + 1] == UInt8(ascii: "0")
            && path[index + 2] == UInt8(ascii: "0")
    }
    return holdsNUL ? UnsafeMutableRawPointer(bitPattern: RequestSlot.nulInPathMarker) : nil
}
