import EventStore
import Foundation
import Postgres

/// Bearer tokens, kept as SHA-256 digests: `create` returns the token once; `caller` finds who
/// holds a token.
public struct TokenStore: Sendable {
    public init() {}

    /// The access component's migrations (the token table).
    public static func migrations() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw APIError(.internalError, "the API's migrations are missing from the build")
        }
        return try Migration.load(component: "access", from: folder)
    }

    /// A new token for `name` acting as `role`: `bct_` and 64 hex digits of 32 random bytes. A
    /// name has at most one active token: with `replacing`, the name's active token is revoked in
    /// the same transaction (its client's retries stay recognised); without, an active token of
    /// that name is refused with `NameTaken` and nothing is stored.
    public func create(
        name: String, role: Role, replacing: Bool = false, on connection: PostgresConnection
    ) throws -> String {
        try issue(name: name, role: role, replacing: replacing, on: connection).token
    }

    /// As `create`, and whether an active token of the name was revoked for it.
    public func issue(
        name: String, role: Role, replacing: Bool, on connection: PostgresConnection
    ) throws -> (token: String, replaced: Bool) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "bct_" + Self.hex(bytes)
        var replaced = false
        do {
            try connection.withTransaction(context: "create token") { connection in
                // One make or replace of a name at a time: two replaces at once would each revoke
                // what it saw and then collide on the index of active names.
                try connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext('bordercore/token-name/' || $1))", [name],
                    context: "lock token name")
                if replacing { replaced = try revoke(name: name, on: connection) > 0 }
                try connection.query(
                    "INSERT INTO api_tokens (name, role, token_sha256) VALUES ($1, $2, decode($3, 'hex'))",
                    [name, role.rawValue, Self.digest(token)], context: "create token")
            }
        } catch let error as PostgresError {
            guard error.sqlState == PostgresError.State.uniqueViolation else { throw error }
            throw NameTaken()
        }
        return (token, replaced)
    }

    /// Refusal of a token for a name that already has an active one.
    public struct NameTaken: Error, CustomStringConvertible {
        public var description: String {
            "an active token already has this name: revoke it first, or replace it (border token create --replace)"
        }
    }

    /// The caller holding `token`, or nil for an unknown or revoked token.
    public func caller(token: String, on connection: PostgresConnection) throws -> Caller? {
        guard Self.isWellFormed(token) else { return nil }
        let rows = try connection.query(
            "SELECT name, role FROM api_tokens WHERE token_sha256 = decode($1, 'hex') AND revoked_at IS NULL",
            [Self.digest(token)], context: "find token")
        guard let row = rows.first, let role = Role(rawValue: try row.string(1)) else { return nil }
        return Caller(name: try row.string(0), role: role)
    }

    /// Revokes the active token of `name`; returns how many were revoked (0 or 1).
    public func revoke(name: String, on connection: PostgresConnection) throws -> Int {
        try connection.query(
            "UPDATE api_tokens SET revoked_at = clock_timestamp() WHERE name = $1 AND revoked_at IS NULL RETURNING id",
            [name], context: "revoke tokens"
        ).count
    }

    /// Token names, roles and state, never the tokens.
    public func list(on connection: PostgresConnection) throws -> [(name: String, role: String, revoked: Bool)] {
        try connection.query("SELECT name, role, revoked_at IS NOT NULL FROM api_tokens ORDER BY id").map {
            (try $0.string(0), try $0.string(1), try $0.bool(2))
        }
    }

    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { isAlphanumeric($0) || [46, 95, 64, 45].contains($0) }
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 68 && token.hasPrefix("bct_")
            && token.utf8.dropFirst(4).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func digest(_ token: String) -> String {
        var digest = SHA256()
        digest.update(Array(token.utf8))
        return hex(digest.finalize())
    }

    /// Lower-case hex digits of `bytes` (every request hashes its token: no formatter per byte).
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }
}
