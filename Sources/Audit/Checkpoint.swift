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

    /// The signed bytes: a fixed text naming every field the checkpoint shows.
    public static func message(position: Int64, hash: [UInt8], takenAt: String) -> [UInt8] {
        Array("BC-CHECKPOINT-2 position=\(position) hash=\(Hex.encode(hash)) takenAt=\(takenAt)".utf8)
    }

    public static func sign(position: Int64, hash: [UInt8], with key: SigningKey) throws(AuditError) -> Checkpoint {
        let takenAt = ISO8601DateFormatter().string(from: Date())
        return Checkpoint(
            position: position, hash: hash, takenAt: takenAt,
            signature: try key.sign(message(position: position, hash: hash, takenAt: takenAt)))
    }

    public func isSigned(by key: SigningKey) -> Bool {
        key.verify(signature, of: Self.message(position: position, hash: hash, takenAt: takenAt))
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

    /// Reads a checkpoint file; a field that is not signed (anything but the five written) is
    /// refused rather than silently trusted.
    public init(json: JSON) throws(AuditError) {
        let known: Set<String> = ["position", "hash", "takenAt", "signature", "algorithm"]
        guard let fields = json.objectValue, Set(fields.keys).isSubset(of: known), json["algorithm"] == "Ed25519"
        else { throw .invalidCheckpoint("expected exactly position, hash, takenAt, signature and algorithm Ed25519") }
        guard let position = json["position"]?.intValue, let hash = json["hash"]?.stringValue.flatMap(Hex.decode),
            hash.count == 32, let signature = json["signature"]?.stringValue.flatMap(Hex.decode),
            let takenAt = json["takenAt"]?.stringValue
        else { throw .invalidCheckpoint("expected position, hash, takenAt and signature") }
        self.init(position: position, hash: hash, takenAt: takenAt, signature: signature)
    }
}
