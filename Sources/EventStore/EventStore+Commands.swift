import JSON
import Postgres

extension EventStore {
    /// A command accepted before under `id`: the digest of its request and its first outcome (as
    /// a replay). For answering a retry before deciding it again, and for checking a batch of
    /// commands (a list import) before appending any of them.
    public func storedCommand(id: String, on connection: PostgresConnection) throws
        -> (requestHash: [UInt8], result: AppendResult)?
    {
        let rows = try connection.query(
            """
            SELECT encode(request_hash, 'hex'), stream, first_position, last_position, outcome
            FROM commands WHERE id = $1
            """,
            [id], context: "read command")
        guard let row = rows.first else { return nil }
        let outcome = try JSON.parse(Array(try row.string(4).utf8))
        let result = AppendResult(
            stream: try row.string(1), firstPosition: try row.int64(2), lastPosition: try row.int64(3),
            streamVersion: outcome["version"]?.intValue ?? 0, replayed: true, answer: outcome["answer"] ?? [:])
        return (Hex.decode(try row.string(0)) ?? [], result)
    }
}
