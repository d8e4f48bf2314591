import CMicroHTTPD

/// The request headers, keyed by lowercased name; repeated headers are joined with ", ".
func headers(of connection: OpaquePointer) -> [String: String] {
    var headers: [String: String] = [:]
    withUnsafeMutablePointer(to: &headers) { headers in
        _ = MHD_get_connection_values(connection, .HEADER_KIND, addHeader, headers)
    }
    return headers
}

/// The decoded query arguments; a repeated name holds all its values joined by NUL, which no
/// value holds (a target with `%00` is refused before this, by `inspectTarget`).
func queryArguments(of connection: OpaquePointer) -> [String: String] {
    var arguments: [String: String] = [:]
    withUnsafeMutablePointer(to: &arguments) { arguments in
        _ = MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, setArgument, arguments)
    }
    return arguments
}

/// The request's `Content-Length`, when it sent a valid one.
func declaredContentLength(of connection: OpaquePointer) -> Int? {
    guard let value = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length") else {
        return nil
    }
    return Int(String(cString: value)).flatMap { $0 >= 0 ? $0 : nil }
}

private func addHeader(
    context: UnsafeMutableRawPointer?,
    kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?,
    value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let context, let key else {
        return .YES
    }
    let headers = context.assumingMemoryBound(to: [String: String].self)
    let name = String(cString: key).lowercased()
    let value = value.map { String(cString: $0) } ?? ""
    if let earlier = headers.pointee[name] {
        headers.pointee[name] = earlier + ", " + value
    } else {
        headers.pointee[name] = value
    }
    return .YES
}

private func setArgument(
    context: UnsafeMutableRawPointer?,
    kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?,
    value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let context, let key else {
        return .YES
    }
    // A repeated argument keeps every value, joined by NUL, so that a responder sees the
    // repetition instead of silently getting the last value, and cannot take it for one value
    // with a comma in it.
    let arguments = context.assumingMemoryBound(to: [String: String].self)
    let name = String(cString: key)
    let value = value.map { String(cString: $0) } ?? ""
    arguments.pointee[name] = arguments.pointee[name].map { $0 + "\u{0}" + value } ?? value
    return .YES
}
