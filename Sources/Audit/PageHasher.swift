import EventStore
import Postgres

/// Walks pages of stored events in position order, recomputing the chain from raw column bytes.
struct PageHasher {
    private(set) var expected: Int64
    private(set) var previous: [UInt8]
    private var buffer = [UInt8]()
    let checkpoint: (position: Int64, hash: [UInt8])?

    init(expected: Int64, previous: [UInt8], checkpoint: (position: Int64, hash: [UInt8])? = nil) {
        self.expected = expected
        self.previous = previous
        self.checkpoint = checkpoint
        buffer.reserveCapacity(4096)
    }

    /// The columns of `PageFetcher.sql`, in order.
    enum Column: Int {
        case position, stream, version, type, schemaVersion, data, metadata, occurredAt, recordedAt, commandID, hash
    }

    /// Verifies a page; returns the first break, or nil when every event in it chains.
    mutating func verify(_ page: PostgresResult) -> ChainVerifier.Break? {
        for row in 0..<page.rowCount {
            func bytes(_ column: Column) -> UnsafeRawBufferPointer { page.bytes(row: row, column: column.rawValue) }
            func int(_ column: Column) -> Int64 { page.binaryInteger(row: row, column: column.rawValue) ?? -1 }
            func time(_ column: Column) -> Int64 { page.binaryTimestamp(row: row, column: column.rawValue) ?? -1 }
            let position = int(.position)
            guard position == expected else { return .missing(position: expected) }
            let fields = ChainHash.Fields(
                position: position, stream: bytes(.stream), version: int(.version), type: bytes(.type),
                schemaVersion: int(.schemaVersion), occurredAt: time(.occurredAt), recordedAt: time(.recordedAt),
                data: bytes(.data), metadata: bytes(.metadata),
                commandID: page.isNull(row: row, column: Column.commandID.rawValue) ? nil : bytes(.commandID))
            let hash = ChainHash.next(after: previous, fields: fields, buffer: &buffer)
            guard hash.elementsEqual(bytes(.hash)) else { return .hashMismatch(position: position) }
            if let checkpoint, checkpoint.position == position, checkpoint.hash != hash {
                return .divergesFromCheckpoint(position: position)
            }
            previous = hash
            expected += 1
        }
        return nil
    }
}
