import CMicroHTTPD

/// libmicrohttpd's access handler, called on its threads: once when a request's headers are in, once
/// for each piece of body, and once more with no data when the body is complete.
///
/// A body declared larger than the limit is answered 413 at once; one that grows past it while
/// arriving (chunked) is read to its end and discarded, then answered 413, as libmicrohttpd takes no
/// response in between. The responder is called only for a complete body within the limit.
///
/// `context` is the server's ``RequestHandlerContext``, borrowed; `requestState` is the request's
/// ``RequestSlot``.
func handleAccess(
    context: UnsafeMutableRawPointer?,
    connection: OpaquePointer?,
    url: UnsafePointer<CChar>?,
    method: UnsafePointer<CChar>?,
    version: UnsafePointer<CChar>?,
    uploadData: UnsafePointer<CChar>?,
    uploadDataSize: UnsafeMutablePointer<Int>?,
    requestState: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let context, let connection, let url, let method, let uploadDataSize, let requestState else {
        return .NO
    }
    let handler = Unmanaged<RequestHandlerContext>.fromOpaque(context).takeUnretainedValue()
    let slot = RequestSlot(pointer: requestState)
    let pieceSize = uploadDataSize.pointee

    switch slot.progress {
    case .notStarted:
        handler.inFlight.add(1, ordering: .relaxed)
        if let declared = declaredContentLength(of: connection), declared > handler.maxBodyBytes {
            return answerTooLarge(handler, slot: slot, connection: connection)
        }
        slot.advance(to: .headersReceived)
        return .YES

    case .headersReceived where pieceSize == 0:
        return answer(handler, url: url, method: method, body: [], slot: slot, connection: connection)

    case .headersReceived:
        let body = RequestBody()
        body.bytes.reserveCapacity(min(declaredContentLength(of: connection) ?? pieceSize, handler.maxBodyBytes))
        slot.advance(to: .receivingBody(body))
        return receive(uploadData, size: uploadDataSize, into: body, for: handler, slot: slot)

    case .receivingBody(let body) where pieceSize == 0:
        let bytes = body.bytes
        body.bytes = []
        return answer(handler, url: url, method: method, body: bytes, slot: slot, connection: connection)

    case .receivingBody(let body):
        return receive(uploadData, size: uploadDataSize, into: body, for: handler, slot: slot)

    case .discardingBody where pieceSize == 0:
        return answerTooLarge(handler, slot: slot, connection: connection)

    case .nulInTarget(let inQuery):
        handler.inFlight.add(1, ordering: .relaxed)
        slot.advance(to: .answered)
        return queue((inQuery ? ServerErrorResponse.nulInQuery : .nulInPath).response, on: connection)

    case .discardingBody, .answered:
        uploadDataSize.pointee = 0
        return .YES
    }
}

private func receive(
    _ data: UnsafePointer<CChar>?,
    size: UnsafeMutablePointer<Int>,
    into body: RequestBody,
    for handler: RequestHandlerContext,
    slot: RequestSlot
) -> MHD_Result {
    let piece = UnsafeRawBufferPointer(start: data, count: size.pointee)
    size.pointee = 0
    guard piece.count <= handler.maxBodyBytes - body.bytes.count else {
        slot.advance(to: .discardingBody)
        return .YES
    }
    body.bytes.append(contentsOf: piece)
    return .YES
}

private func answerTooLarge(
    _ handler: RequestHandlerContext,
    slot: RequestSlot,
    connection: OpaquePointer
) -> MHD_Result {
    slot.advance(to: .answered)
    return queue(ServerErrorResponse.bodyTooLarge(limit: handler.maxBodyBytes).response, on: connection)
}

private func answer(
    _ handler: RequestHandlerContext,
    url: UnsafePointer<CChar>,
    method: UnsafePointer<CChar>,
    body: [UInt8],
    slot: RequestSlot,
    connection: OpaquePointer
) -> MHD_Result {
    slot.advance(to: .answered)
    let request = HTTPRequest(
        method: String(cString: method),
        path: String(cString: url),
        query: queryArguments(of: connection),
        headers: headers(of: connection),
        body: body
    )
    return queue(handler.responder.respond(to: request), on: connection)
}
