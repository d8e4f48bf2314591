import Foundation
import HTTPServer
import Postgres

/// Finds the caller of a request from its `Authorization: Bearer` header. Answers are cached for
/// a few seconds, so a revoked token stops working within `cacheSeconds`.
final class Authenticator: @unchecked Sendable {
    let store = TokenStore()
    let cacheSeconds: Double
    private let lock = NSLock()
    private var cache: [String: (caller: Caller?, until: Date)] = [:]

    init(cacheSeconds: Double = 5) {
        self.cacheSeconds = cacheSeconds
    }

    func caller(of request: HTTPRequest, pool: PostgresPool) throws(APIError) -> Caller {
        guard let header = request.headers["authorization"] else {
            throw APIError(.unauthorized, "this route needs a bearer token", field: "Authorization")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError(.unauthorized, "Authorization must be 'Bearer <token>'", field: "Authorization")
        }
        guard let caller = try lookUp(String(parts[1]), pool: pool) else {
            throw APIError(.unauthorized, "the bearer token is not valid", field: "Authorization")
        }
        return caller
    }

    private func lookUp(_ token: String, pool: PostgresPool) throws(APIError) -> Caller? {
        guard TokenStore.isWellFormed(token) else { return nil }
        let now = Date()
        if let cached = lock.withLock({ cache[token] }), cached.until > now { return cached.caller }
        let caller: Caller?
        do {
            caller = try pool.withReadConnection { try store.caller(token: token, on: $0) }
        } catch {
            throw APIError(.unavailable, "the token store is unavailable")
        }
        lock.withLock {
            if cache.count > 10_000 { cache.removeAll() }
            cache[token] = (caller, now.addingTimeInterval(cacheSeconds))
        }
        return caller
    }
}
