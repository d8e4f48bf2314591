import Foundation
import HTTPClient
import JSON
import TestSupport
import Testing

@testable import BorderAPI

/// `/openapi.json` against the running server: it documents exactly the routes served, with their
/// roles; every documented example is accepted, on an empty database, with the documented
/// status and an answer that has what the documented schema requires; and the served document is
/// the file in the repository.
@Suite("The API description matches the server", .serialized)
struct OpenAPITests {
    /// Examples others depend on go first (the arrival makes the stream and the permit later
    /// examples name); those that end something go last. Everything else keeps path order.
    static let walkFirst = [
        "POST /v1/arrivals", "POST /v1/accreditations", "POST /v1/permits/extensions", "POST /v1/overstays/flags",
        "POST /v1/corrections",
    ]
    static let walkLast = [
        "POST /v1/permits/cancellations", "POST /v1/voids", "POST /v1/accreditations/revocations",
        "POST /v1/overstays/clearances",
    ]

    static var repositoryFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/BorderAPI/openapi.json")
    }

    @Test func documentedRoutesAreExactlyTheServedRoutes() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let document = try Self.served(by: system)

        let documented = Dictionary(uniqueKeysWithValues: document.operations.map { ($0.key, $0) })
        let served = Dictionary(uniqueKeysWithValues: BorderAPI.routes.map { ("\($0.method) \($0.path)", $0) })

        #expect(documented.keys.sorted() == served.keys.sorted())
        for (key, route) in served {
            guard let operation = documented[key] else { continue }
            #expect(operation.roles == route.roles.map { Set($0.map(\.rawValue)) }, "x-roles of \(key)")
            #expect(operation.isSecured == (route.roles != nil), "security of \(key)")
        }
    }

    @Test func everyDocumentedExampleGetsTheDocumentedSuccess() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        let document = try Self.served(by: system)
        let tokens = RoleTokens(system)
        var stream: String?

        for operation in Self.inWalkOrder(document.operations) {
            let client = try tokens.client(for: operation.roles?.sorted().first)
            let example = document.example(of: operation, pathValues: stream.map { ["stream": $0] } ?? [:])
            let response = try Self.answer(to: example, from: client, expecting: operation.successStatus)

            #expect(response.status == operation.successStatus, "\(operation.key): \(response.text)")
            #expect(document.problems(with: response, to: operation) == [])
            if operation.key == "POST /v1/arrivals" {
                stream = try Self.stream(of: response, documentedIn: document)
            }
        }
        #expect(stream != nil, "the walk made a stream from the example arrival")
    }

    @Test func everySecuredOperationRefusesNoTokenAndOtherRoles() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let document = try Self.served(by: system)
        let tokens = RoleTokens(system)

        for operation in document.operations where operation.isSecured {
            let example = document.example(of: operation)
            let anonymous = try system.client(token: nil).send(example)
            #expect(anonymous.status == 401, "\(operation.key)")
            #expect(anonymous.headers["www-authenticate"] == "Bearer", "\(operation.key)")
            #expect(document.problems(with: anonymous, to: operation) == [])
            try Self.expectForbidden(operation, example, document: document, tokens: tokens)
        }
        let health = try JSON.parse(try system.client.request("GET", "/health").body)
        #expect(health["log"]?["position"] == 0, "refused requests store nothing")
    }

    @Test func aRetriedExampleIsReplayedAndAReusedKeyRefusedAsDocumented() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let document = try Self.served(by: system)
        let arrival = try #require(document.operations.first { $0.key == "POST /v1/arrivals" })
        var example = document.example(of: arrival)
        example.headers.append(("Idempotency-Key", "openapi-retry-1"))

        let first = try system.client.send(example)
        let retry = try system.client.send(example)
        example.body = Array(example.body.dropLast()) + Array(#","residentOf":"ASM"}"#.utf8)
        let reused = try system.client.send(example)

        #expect(first.status == 201 && first.headers["idempotent-replayed"] == nil)
        #expect(retry.status == 201 && retry.headers["idempotent-replayed"] == "true")
        #expect(retry.body == first.body)
        let replayHeader = arrival.spec["responses"]?["201"]?["headers"]?["Idempotent-Replayed"]
        #expect(replayHeader != nil, "the replay header is documented")
        #expect(reused.status == 422, "\(reused.text)")
        #expect(try JSON.parse(reused.body)["error"]?["code"] == "idempotency_key_reused")
        #expect(document.problems(with: reused, to: arrival) == [])
    }

    @Test func servedDescriptionIsTheFileInTheRepository() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }

        let served = try system.client(token: nil).request("GET", "/openapi.json")
        let file = try Data(contentsOf: Self.repositoryFile)

        #expect(served.status == 200)
        #expect(served.headers["content-type"] == "application/json")
        #expect(served.body == Array(file))
        #expect(try JSON.parse(served.body)["openapi"] == "3.1.0")
    }

    static func served(by system: RunningSystem) throws -> OpenAPIDocument {
        let response = try system.client(token: nil).request("GET", "/openapi.json")
        #expect(response.status == 200)
        return try OpenAPIDocument(response.body)
    }

    static func inWalkOrder(_ operations: [DocumentedOperation]) -> [DocumentedOperation] {
        func rank(_ operation: DocumentedOperation) -> Int {
            if let index = walkFirst.firstIndex(of: operation.key) { return index - walkFirst.count }
            if let index = walkLast.firstIndex(of: operation.key) { return index + 1 }
            return 0
        }
        return operations.enumerated().sorted { (rank($0.1), $0.0) < (rank($1.1), $1.0) }.map(\.1)
    }

    /// The answer to an example; a read is asked again until it succeeds (within a deadline),
    /// since the officer lookup follows the log within moments.
    static func answer(to example: ExampleRequest, from client: HTTPClient, expecting success: Int?) throws
        -> HTTPClient.Response
    {
        var response = try client.send(example)
        guard example.method == "GET" else { return response }
        _ = try waitUntil(seconds: 20) {
            response = try client.send(example)
            return response.status == success
        }
        return response
    }

    /// The stream the example arrival made, which must be the documented example of `{stream}`.
    static func stream(of arrival: HTTPClient.Response, documentedIn document: OpenAPIDocument) throws -> String? {
        let stream = try JSON.parse(arrival.body)["stream"]?.stringValue
        let documented = document.resolved(["$ref": "#/components/parameters/Stream"])["example"]?.stringValue
        #expect(stream == documented, "the documented stream example is the example arrival's stream")
        return stream
    }

    /// 403 with a token of a role the operation does not allow, when there is such a role.
    static func expectForbidden(
        _ operation: DocumentedOperation, _ example: ExampleRequest, document: OpenAPIDocument, tokens: RoleTokens
    ) throws {
        guard let other = Role.allCases.map(\.rawValue).first(where: { operation.roles?.contains($0) == false })
        else { return }
        let refused = try tokens.client(for: other).send(example)
        #expect(refused.status == 403, "\(operation.key) as \(other)")
        #expect(document.problems(with: refused, to: operation) == [])
    }
}

/// One token per role, made on first use.
final class RoleTokens {
    private let system: RunningSystem
    private var tokens = [String: String]()

    init(_ system: RunningSystem) {
        self.system = system
        tokens["officer"] = system.officerToken
    }

    /// A client sending a token of `role`, or none when nil.
    func client(for role: String?) throws -> HTTPClient {
        guard let role else { return system.client(token: nil) }
        if tokens[role] == nil { tokens[role] = try system.token(role: role) }
        return system.client(token: tokens[role])
    }
}
