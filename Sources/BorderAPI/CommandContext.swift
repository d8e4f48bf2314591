import EventStore
import Foundation
import HTTPServer
import JSON

/// Who sent a command and how to recognise a retry of it: the `Idempotency-Key`, the officer and
/// terminal headers, and a digest of the request.
struct CommandContext: Sendable {
    var id: String
    var idempotent: Bool
    var officer: String
    var terminal: String
    var correlationID: String
    var route: String
    private(set) var requestHash: [UInt8]

    init(_ request: HTTPRequest) throws(APIError) {
        let key = request.headers["idempotency-key"]
        if let key, !Self.isToken(key, maxLength: 128) {
            throw APIError(
                .invalidHeader, "Idempotency-Key must be 1 to 128 visible ASCII characters", field: "Idempotency-Key")
        }
        id = key ?? UUID().uuidString.lowercased()
        idempotent = key != nil
        officer = try Self.header(request, "x-officer-id", label: "X-Officer-Id") ?? "unidentified"
        terminal = try Self.header(request, "x-terminal-id", label: "X-Terminal-Id") ?? "unidentified"
        correlationID = try Self.header(request, "x-correlation-id", label: "X-Correlation-Id") ?? id
        route = "\(request.method) \(request.path)"
        requestHash = []
    }

    /// Identifies the request by its route and its body in canonical form.
    mutating func identify(canonicalBody: [UInt8]) {
        var digest = SHA256()
        digest.update(Array("\(route)\n".utf8))
        digest.update(canonicalBody)
        requestHash = digest.finalize()
    }

    func metadata(port: String) -> JSON {
        [
            "officer": .string(officer), "terminal": .string(terminal), "port": .string(port),
            "correlationId": .string(correlationID), "causationId": .string(id),
        ]
    }

    func key(answer: JSON) -> CommandKey {
        CommandKey(id: id, requestHash: requestHash, answer: answer)
    }

    private static func header(_ request: HTTPRequest, _ name: String, label: String) throws(APIError) -> String? {
        guard let value = request.headers[name] else { return nil }
        guard isToken(value, maxLength: 64) else {
            throw APIError(.invalidHeader, "\(label) must be 1 to 64 visible ASCII characters", field: label)
        }
        return value
    }

    private static func isToken(_ value: String, maxLength: Int) -> Bool {
        (1...maxLength).contains(value.utf8.count) && value.utf8.allSatisfy { (33...126).contains($0) }
    }
}
