import HTTPServer
import Locking
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("HTTPServer over a real socket")
struct HTTPServerTests {
    @Test func echoesMethodPathQueryAndBody() async throws {
        let responder = RecordingResponder()
        let response = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: responder)
            defer { server.stop() }
            return try TestHTTPClient.send(
                "POST",
                "/arrivals/42?gate=7&lane=a%20b&gate=9&flag",
                body: Array("hello, border".utf8),
                port: server.port
            )
        }

        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello, border")
        #expect(response.header("x-echo-method") == "POST")
        #expect(response.header("x-echo-path") == "/arrivals/42")
        #expect(response.header("x-echo-query") == "flag=&gate=7,9&lane=a b")
        let request = try #require(responder.requests.first)
        // A repeated name keeps every value, joined by NUL, which no single value holds.
        #expect(request.query == ["gate": "7\u{0}9", "lane": "a b", "flag": ""])
    }

    /// Newcomer reviews of issue 4: `%00` cut a query value or the path short unseen
    /// (libmicrohttpd hands them over as C strings), so `document=PA0000009%00junk` was answered
    /// for PA0000009 and `/health%00junk` as `/health`. The server now refuses both itself,
    /// without calling the responder, and repeats nothing of the target.
    @Test(arguments: [
        ("/x?from=2024-01-01%00junk", #""field":"query""#), ("/x?a%00b=1", #""field":"query""#),
        ("/x?ok=1&document=PA0000009%00junk", #""field":"query""#), ("/health%00junk", "path holds a NUL"),
        ("/v1/travellers/x%00junk/events", "path holds a NUL"), ("/a%00junk?b=1", "path holds a NUL"),
    ])
    func anEncodedNULInTheTargetIsRefused(target: String, says: String) async throws {
        let responder = RecordingResponder()
        let response = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: responder)
            defer { server.stop() }
            return try TestHTTPClient.send("GET", target, body: [], port: server.port)
        }

        #expect(response.status == 400)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains(says))
        #expect(!body.contains("junk"))
        #expect(responder.requests.isEmpty)
    }

    @Test func headerNamesArriveLowercased() async throws {
        let responder = RecordingResponder()
        _ = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: responder)
            defer { server.stop() }
            return try TestHTTPClient.send(
                "GET",
                "/officers",
                headers: [("X-Trace-ID", "abc-123"), ("Accept-Language", "en")],
                port: server.port
            )
        }

        let request = try #require(responder.requests.first)
        #expect(request.method == "GET")
        #expect(request.headers["x-trace-id"] == "abc-123")
        #expect(request.headers["accept-language"] == "en")
        #expect(request.headers.keys.allSatisfy { $0 == $0.lowercased() })
    }

    @Test(arguments: [1, 300_000])
    func bodyUpToTheLimitArrivesWhole(size: Int) async throws {
        let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let response = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(maxBodyBytes: size), responder: RecordingResponder())
            defer { server.stop() }
            return try TestHTTPClient.send("PUT", "/documents/9", body: body, port: server.port)
        }

        #expect(response.status == 200)
        #expect(response.body.count == size)
        let bodyMatches = response.body == body  // compared outside #expect, which would diff 300,000 elements
        #expect(bodyMatches)
    }

    @Test func bodyOverTheLimitIsAnswered413WithoutCallingTheResponder() async throws {
        let responder = RecordingResponder()
        let response = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(maxBodyBytes: 1024), responder: responder)
            defer { server.stop() }
            return try TestHTTPClient.send(
                "POST", "/arrivals", body: [UInt8](repeating: 7, count: 1025), port: server.port)
        }

        #expect(response.status == 413)
        #expect(response.header("content-type") == "application/json")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"code":"body_too_large","field":"body","message":"request body exceeds 1024 bytes"}}"#
        )
        #expect(responder.requests.isEmpty)
    }

    @Test func chunkedBodyIsAccumulatedAndLimited() async throws {
        let responder = RecordingResponder()
        let (accepted, rejected) = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(maxBodyBytes: 1000), responder: responder)
            defer { server.stop() }
            let accepted = try TestHTTPClient.exchange(
                chunkedRequest(chunkSizes: [500, 500], port: server.port), port: server.port)
            let rejected = try TestHTTPClient.exchange(
                chunkedRequest(chunkSizes: [500, 501], port: server.port), port: server.port)
            return (accepted, rejected)
        }

        #expect(accepted.status == 200)
        #expect(accepted.body == [UInt8](repeating: UInt8(ascii: "x"), count: 1000))
        #expect(rejected.status == 413)
        #expect(responder.requests.count == 1)
    }

    @Test func concurrentClientsEachGetTheirOwnAnswers() async throws {
        let failures = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: EchoResponder())
            defer { server.stop() }
            let failures = Locked<[String]>([])
            onThreads(32) { client in
                for request in 0..<50 {
                    let path = "/clients/\(client)/requests/\(request)"
                    let body = Array("\(client):\(request)".utf8)
                    do {
                        let response = try TestHTTPClient.send("POST", path, body: body, port: server.port)
                        if response.status != 200 || response.body != body || response.header("x-echo-path") != path {
                            failures.withLock { $0.append("\(path): \(response.status)") }
                        }
                    } catch {
                        failures.withLock { $0.append("\(path): \(error)") }
                    }
                }
            }
            return failures.withLock { $0 }
        }

        #expect(failures == [])
    }

    @Test func stopIsIdempotentAndRefusesLaterConnections() async throws {
        let refusal = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: RecordingResponder())
            let port = server.port
            server.stop()
            server.stop()
            return Result { try TestHTTPClient.connect(port: port) }
        }

        switch refusal {
        case .success(let socket):
            close(socket)
            Issue.record("connected after stop")
        case .failure(let error):
            #expect((error as? TestClientError)?.errorNumber == ECONNREFUSED)
        }
    }

    @Test func portZeroBindsARealPort() async throws {
        let (port, response) = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(port: 0), responder: RecordingResponder())
            defer { server.stop() }
            return (server.port, try TestHTTPClient.send("GET", "/health", port: server.port))
        }

        #expect(port != 0)
        #expect(response.status == 200)
    }

    @Test(arguments: [
        HTTPResponse(status: 42),
        HTTPResponse(status: 200, headers: [("X-Split", "a\r\nInjected: yes")]),
    ])
    func responseLibmicrohttpdRefusesIsAnswered500(unsendable: HTTPResponse) async throws {
        let response = try await onDedicatedThread {
            let server = try HTTPServer(configuration: .init(), responder: FixedResponder(response: unsendable))
            defer { server.stop() }
            return try TestHTTPClient.send("GET", "/", port: server.port)
        }

        #expect(response.status == 500)
        #expect(response.header("injected") == nil)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"code":"internal_error","field":null,"message":"the server could not form a response"}}"#
        )
    }

    @Test func hostThatIsNotAnIPv4AddressIsRejected() throws {
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(configuration: .init(host: "localhost"), responder: RecordingResponder())
        }
    }
}

private func chunkedRequest(chunkSizes: [Int], port: UInt16) -> [UInt8] {
    var request = "POST /uploads HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    request += "Transfer-Encoding: chunked\r\n\r\n"
    for size in chunkSizes {
        request += String(size, radix: 16) + "\r\n" + String(repeating: "x", count: size) + "\r\n"
    }
    request += "0\r\n\r\n"
    return Array(request.utf8)
}
