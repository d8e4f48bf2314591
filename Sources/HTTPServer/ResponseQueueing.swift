import CMicroHTTPD

/// Queues `response` on the connection, copying its body; libmicrohttpd adds `Content-Length`.
///
/// A response libmicrohttpd cannot send as given (a status out of range, a header it refuses) is
/// replaced by a 500.
func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    guard (200...999).contains(response.status) else {
        return queue(ServerErrorResponse.responseNotSendable.response, on: connection)
    }
    let created = response.body.withUnsafeBytes { body in
        MHD_create_response_from_buffer(
            body.count, UnsafeMutableRawPointer(mutating: body.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let created else {
        return .NO
    }
    defer { MHD_destroy_response(created) }

    // libmicrohttpd 0.9.75 refuses a header with an empty value; such a header is left out.
    for (name, value) in response.headers where !value.isEmpty && !isContentLength(name) {
        guard MHD_add_response_header(created, name, value) == .YES else {
            return queue(ServerErrorResponse.responseNotSendable.response, on: connection)
        }
    }
    return MHD_queue_response(connection, UInt32(response.status), created)
}

private func isContentLength(_ name: String) -> Bool {
    name.utf8.count == 14 && name.lowercased() == "content-length"
}
