import EventStore
import Foundation
import HTTPServer
import JSON

/// Who sent a command and how to recognise a retry of it: the caller's token, the
/// `Idempotency-Key`, terminal and correlation headers, and a digest of the request.
struct CommandContext: Sendable {
    var id: String
    var idempotent: Bool
    var caller: Caller
    var terminal: String
    var correlationID: String
    var route: String
    private(set) var requestHash: [UInt8]

    init(_ request: HTTPRequest, caller: Caller) throws(APIError) {
        let key = request.headers["idempotency-key"]
        if let key, !Self.isToken(key, maxLength: 128) {
            throw APIError(
                .invalidHeader, "Idempotency-Key must be 1 to 128 visible ASCII characters", field: "Idempotency-Key")
        }
        id = key ?? UUID().uuidString.lowercased()
        idempotent = key != nil
        self.caller = caller
        terminal = try Self.header(request, "x-terminal-id", label: "X-Terminal-Id") ?? "unidentified"
        correlationID = try Self.header(request, "x-correlation-id", label: "X-Correlation-Id") ?? id
        route = "\(request.method) \(request.path)"
        requestHash = []
    }

    /// Identifies the request by its caller (the token's name and role), its route and its body in
    /// canonical form: the same key from another client, or from the same name given another
    /// role, is another request (refused as a reused key, never replayed); a client whose token
    /// was replaced (`border token create --replace`) keeps its retries.
    mutating func identify(canonicalBody: [UInt8]) {
        var digest = SHA256()
        digest.update(Array("\(caller.name)\n\(caller.role.rawValue)\n\(route)\n".utf8))
        digest.update(canonicalBody)
        requestHash = digest.finalize()
    }

    /// Who, where and why: the actor and role of the token, the terminal, the port (for a
    /// crossing), the correlation id shared by related commands and the command that caused it.
    func metadata(port: String?) -> JSON {
        [
            "actor": .string(caller.name), "role": .string(caller.role.rawValue), "terminal": .string(terminal),
            "port": .optional(port), "correlationId": .string(correlationID), "causationId": .string(id),
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
