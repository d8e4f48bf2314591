import Audit
import EventStore
import Foundation
import JSON
import Postgres
import TestSupport
import Testing

@Suite("Signed checkpoints")
struct CheckpointTests {
    /// Rewrites the history from `position` on with valid hashes, as an attacker with superuser
    /// rights and knowledge of the algorithm could: the chain is consistent again afterwards.
    static func rewriteHistory(from position: Int64, on connection: PostgresConnection) throws {
        try connection.execute(#"UPDATE events SET data = '{"n":-1}' WHERE position = \#(position)"#)
        var previous =
            try EventStore().read(after: position - 2, limit: 1, on: connection).first?.hash ?? ChainHash.genesis
        for event in try EventStore().read(after: position - 1, limit: 10_000, on: connection) {
            let hash = ChainHash.next(after: previous, event: event)
            try connection.query(
                "UPDATE events SET hash = $1 WHERE position = $2", [Hex.bytea(hash), String(event.position)])
            previous = hash
        }
        try connection.query("UPDATE log_head SET hash = $1", [Hex.bytea(previous)])
    }

    @Test func logRewrittenWithValidHashesIsCaughtByTheCheckpoint() throws {
        let connection = try TamperDetectionTests.tamperableLog(count: 30)
        let key = try SigningKey.generate()
        let head = try ChainVerifier().verify(on: connection)
        let checkpoint = try Checkpoint.sign(position: head.last, hash: head.lastHash, with: key)

        #expect(
            try ChainVerifier().verify(against: (checkpoint.position, checkpoint.hash), on: connection).broken == nil)

        try Self.rewriteHistory(from: 8, on: connection)

        #expect(try ChainVerifier().verify(on: connection).broken == nil, "the rewritten chain is self-consistent")
        #expect(
            try ChainVerifier().verify(against: (checkpoint.position, checkpoint.hash), on: connection).broken
                == .divergesFromCheckpoint(position: 30))
    }

    @Test func signatureBindsPositionAndHash() throws {
        let key = try SigningKey.generate()
        let other = try SigningKey.generate()
        let checkpoint = try Checkpoint.sign(position: 42, hash: [UInt8](repeating: 1, count: 32), with: key)
        var moved = checkpoint
        moved.position = 43
        var backdated = checkpoint
        backdated.takenAt = "2020-01-01T00:00:00Z"
        var extra = checkpoint.json.objectValue!
        extra["note"] = "unsigned"

        #expect(checkpoint.isSigned(by: key))
        #expect(!moved.isSigned(by: key))
        #expect(!backdated.isSigned(by: key), "takenAt is signed too")
        #expect(throws: AuditError.self) { try Checkpoint(json: .object(extra)) }
        #expect(!checkpoint.isSigned(by: other))
        #expect(try Checkpoint(json: try JSON.parse(checkpoint.json.serialized())) == checkpoint)
    }

    @Test func keysRoundTripThroughPEMFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let privatePath = folder.appendingPathComponent("auditor.pem").path
        let publicPath = folder.appendingPathComponent("auditor.pub").path
        let key = try SigningKey.generate()

        try key.write(privateTo: privatePath, publicTo: publicPath)
        let signature = try SigningKey.read(pem: privatePath, privateKey: true).sign([1, 2, 3])

        #expect(try SigningKey.read(pem: publicPath, privateKey: false).verify(signature, of: [1, 2, 3]))
        let mode = try FileManager.default.attributesOfItem(atPath: privatePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: AuditError.self) { try SigningKey.read(pem: publicPath, privateKey: true) }
        #expect(throws: AuditError.self, "an existing key is never replaced") {
            try SigningKey.generate().write(privateTo: privatePath, publicTo: publicPath + ".new")
        }
    }
}
