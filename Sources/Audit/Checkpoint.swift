import EventStore
import Foundation
import JSON
import Postgres

/// A signed statement of the log's head: "at this position the chain hash was this". An
/// auditor keeps it; `border audit verify --against` later proves the log still extends it, so a
/// history rewritten after the checkpoint (even with every hash recomputed) is detected.
public struct Checkpoint: Sendable, Equatable {
    public var position: Int64
    public var hash: [UInt8]
    public var takenAt: String
    public var signature: [UInt8]

    /// The signed bytes: a fixed text naming position and hash.
    public static func message(position: Int64, hash: [UInt8]) -> [UInt8] {
        Array("BC-CHECKPOINT-1 position=\(position) hash=\(Hex.encode(hash))".utf8)
    }

    public static func sign(position: Int64, hash: [UInt8], with key: SigningKey) throws(AuditError) -> Checkpoint {
        Checkpoint(
            position: position, hash: hash, takenAt: ISO8601DateFormatter().string(from: Date()),
            signature: try key.sign(message(position: position, hash: hash)))
    }

    public func isSigned(by key: SigningKey) -> Bool {
        key.verify(signature, of: Self.message(position: position, hash: hash))
    }

    public var json: JSON {
        [
            "position": .int(position), "hash": .string(Hex.encode(hash)), "takenAt": .string(takenAt),
            "signature": .string(Hex.encode(signature)), "algorithm": "Ed25519",
        ]
    }

    public init(position: Int64, hash: [UInt8], takenAt: String, signature: [UInt8]) {
        self.position = position
        self.hash = hash
        self.takenAt = takenAt
        self.signature = signature
    }

    public init(json: JSON) throws(AuditError) {
        guard let position = json["position"]?.intValue, let hash = json["hash"]?.stringValue.flatMap(Hex.decode),
            hash.count == 32, let signature = json["signature"]?.stringValue.flatMap(Hex.decode),
            let takenAt = json["takenAt"]?.stringValue
        else { throw .invalidCheckpoint("expected position, hash, takenAt and signature") }
        self.init(position: position, hash: hash, takenAt: takenAt, signature: signature)
    }
}
