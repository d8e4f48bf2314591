import EventStore
import Foundation
import Postgres

extension StoreBenchmark {
    /// Autocommitted INSERTs of `rows` rows into `bare_events`, one connection per client.
    func bareInserts(clients: Int, rows: Int) throws -> Measurement {
        let conninfo = conninfo
        let data = Self.sampleData.serializedString()
        let metadata = Self.sampleMetadata.serializedString()
        let sql = """
            INSERT INTO bare_events (stream, version, type, schema_version, data, metadata, occurred_at,
                recorded_at, command_id, hash)
            SELECT $1, $6::bigint * $5::int + v, 'ArrivalRecorded', 1, $2::json, $3::json, now(), now(), NULL,
                $4::bytea
            FROM generate_series(1, $5::int) AS v
            """
        let hash = Hex.bytea([UInt8](repeating: 7, count: 32))
        let run = UUID().uuidString.prefix(8)
        return try LoadRunner.run(
            clients: clients, seconds: seconds, setUp: { _ in try PostgresConnection(conninfo: conninfo) }
        ) {
            connection, client, count in
            try connection.query(sql, ["bare-\(run)-\(client)", data, metadata, hash, String(rows), String(count)])
            return rows
        }
    }

    /// The whole log through the store's reader (pages of 5000), and through one bare SELECT.
    func readWholeLog() throws -> (Measurement, Measurement) {
        let connection = try PostgresConnection(conninfo: conninfo)
        let store = EventStore()
        var began = LoadRunner.now()
        var position: Int64 = 0
        var count = 0
        while true {
            let page = try store.read(after: position, limit: 5000, on: connection)
            guard let last = page.last else { break }
            count += page.count
            position = last.position
        }
        let read = Measurement(operations: 1, items: count, seconds: LoadRunner.now() - began, latencies: [])
        began = LoadRunner.now()
        let rows = try connection.query(
            """
            SELECT position, stream, version, type, schema_version, data, metadata, occurred_at, recorded_at,
                command_id, hash
            FROM events ORDER BY position
            """)
        let bare = Measurement(operations: 1, items: rows.count, seconds: LoadRunner.now() - began, latencies: [])
        return (read, bare)
    }
}
