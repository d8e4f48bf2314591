import Postgres

extension EventStore {
    /// The digest of the request a command was first accepted with, or nil for a key never used:
    /// for checking a batch of commands (a list import) before appending any of them.
    public func storedRequestHash(commandID id: String, on connection: PostgresConnection) throws -> [UInt8]? {
        let rows = try connection.query(
            "SELECT encode(request_hash, 'hex') FROM commands WHERE id = $1", [id], context: "read command")
        guard let row = rows.first else { return nil }
        return Hex.decode(try row.string(0))
    }
}
