import EventStore
import Foundation
import Postgres

extension StoreBenchmark {
    /// Autocommitted INSERTs of `rows` rows into `bare_events`, one connection per client. One
    /// row: a plain single-row INSERT. Several: one INSERT of every row sent with its own data
    /// and metadata (as the store's events are), so that the database parses each row's JSON, as
    /// it does for the store, rather than one value copied server-side.
    func bareInserts(clients: Int, rows: Int) throws -> Measurement {
        let conninfo = conninfo
        let (sql, values) = Self.bareInsert(rows: rows)
        let run = UUID().uuidString.prefix(8)
        return try LoadRunner.run(
            clients: clients, seconds: seconds, setUp: { _ in try PostgresConnection(conninfo: conninfo) }
        ) {
            connection, client, count in
            try connection.query(sql, ["bare-\(run)-\(client)"] + values + [String(rows), String(count)])
            return rows
        }
    }

    /// The statement and its data parameters ($2 data, $3 metadata, $4 hash; $5 rows, $6 count).
    static func bareInsert(rows: Int) -> (String, [String]) {
        let data = sampleData.serializedString()
        let metadata = sampleMetadata.serializedString()
        let hash = Hex.bytea([UInt8](repeating: 7, count: 32))
        let columns = """
            INSERT INTO bare_events (stream, version, type, schema_version, data, metadata, occurred_at,
                recorded_at, command_id, hash)
            """
        guard rows > 1 else {
            return (
                columns + "\nVALUES ($1, $6::bigint + $5::int, 'ArrivalRecorded', 1, $2::json, $3::json, now(), now(), "
                    + "NULL, $4::bytea)", [data, metadata, hash]
            )
        }
        let many = { (value: String) in PostgresArray.literal(Array(repeating: value, count: rows)) }
        return (
            columns + """

                SELECT $1, $6::bigint * $5::int + row.v, 'ArrivalRecorded', 1, row.data, row.metadata, now(),
                    now(), NULL, row.hash
                FROM unnest($2::json[], $3::json[], $4::bytea[]) WITH ORDINALITY AS row(data, metadata, hash, v)
                """, [many(data), many(metadata), many(hash)]
        )
    }

    /// The whole log through the store's reader (pages of 20,000, each event made a
    /// `RecordedEvent`), and through one bare SELECT that libpq fetches and nobody reads. The log
    /// is first filled to `readLogSize` events if it holds fewer.
    func readWholeLog() throws -> (Measurement, Measurement) {
        let connection = try PostgresConnection(conninfo: conninfo)
        let store = EventStore()
        try fill(to: readLogSize, store: store, on: connection)
        _ = try connection.result("SELECT count(*) FROM events")
        var began = LoadRunner.now()
        var position: Int64 = 0
        var count = 0
        while true {
            let page = try store.read(after: position, limit: 20_000, on: connection)
            guard let last = page.last else { break }
            count += page.count
            position = last.position
        }
        let read = Measurement(operations: 1, items: count, seconds: LoadRunner.now() - began, latencies: [])
        began = LoadRunner.now()
        let rows = try connection.result(
            """
            SELECT position, stream, version, type, schema_version, data, metadata, occurred_at, recorded_at,
                command_id, hash
            FROM events ORDER BY position
            """)
        let bare = Measurement(operations: 1, items: rows.rowCount, seconds: LoadRunner.now() - began, latencies: [])
        return (read, bare)
    }

    private func fill(to size: Int, store: EventStore, on connection: PostgresConnection) throws {
        var have = Int(try store.head(on: connection).position)
        var batch = 0
        while have < size {
            let count = min(1000, size - have)
            let events = (0..<count).map { event($0) }
            _ = try store.append(
                AppendRequest(stream: "bench-fill-\(have)-\(batch)", expected: .noStream, events: events),
                on: connection)
            have += count
            batch += 1
        }
    }
}
