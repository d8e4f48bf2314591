import Foundation
import HTTPClient
import Postgres

/// What `border load --record` wrote: every request's outcome. `check` proves that every
/// acknowledged (201) crossing is in the log; `retry` sends the others again with their keys.
enum LoadRecord {
    struct Entry {
        var status: Int
        var key: String
        var client: Int?
        var count: Int?
    }

    static func read(_ path: String) throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2, let status = Int(parts[0]) else { return nil }
            return Entry(
                status: status, key: parts[1], client: parts.count > 2 ? Int(parts[2]) : nil,
                count: parts.count > 3 ? Int(parts[3]) : nil)
        }
    }

    /// Every acknowledged key is a command in the log, with the events it answered.
    static func check(_ path: String) throws {
        let entries = try read(path)
        let acknowledged = entries.filter { $0.status == 201 }.map(\.key)
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let found = try connection.query(
            """
            SELECT count(*) FROM commands c WHERE c.id = ANY($1::text[])
                AND EXISTS (SELECT 1 FROM events e WHERE e.position = c.last_position AND e.stream = c.stream)
            """, [PostgresArray.literal(acknowledged)], context: "check acknowledged"
        )[0].int64(0)
        let unacknowledged = entries.filter { $0.status != 201 }.map(\.key)
        let storedAnyway = try connection.query(
            "SELECT count(*) FROM commands WHERE id = ANY($1::text[])", [PostgresArray.literal(unacknowledged)],
            context: "check unacknowledged"
        )[0].int64(0)
        let prefix =
            (acknowledged.first ?? unacknowledged.first ?? "none").split(separator: "-").prefix(2)
            .joined(separator: "-") + "-%"
        let once = try connection.query(
            """
            SELECT (SELECT count(*) FROM commands WHERE id LIKE $1),
                (SELECT count(*) FROM events WHERE type = 'ArrivalRecorded' AND metadata->>'causationId' LIKE $1)
            """, [prefix], context: "check exactly once")[0]
        let (commands, arrivals) = (try once.int64(0), try once.int64(1))
        print(
            "acknowledged \(acknowledged.count), in the log \(found); not acknowledged \(unacknowledged.count), "
                + "of which in the log \(storedAnyway); "
                + "commands of the run \(commands), arrivals of the run \(arrivals)")
        guard found == acknowledged.count else {
            throw CLIError("\(Int64(acknowledged.count) - found) acknowledged crossings are missing from the log")
        }
        guard commands == arrivals else {
            throw CLIError("the run's \(commands) commands appended \(arrivals) arrivals: not exactly once")
        }
    }

    /// Sends every request that was not acknowledged again, with its own key; a request that had
    /// been stored answers its first outcome (replayed), the others are stored now, once.
    static func retry(from path: String, with client: HTTPClient) throws {
        let traffic = LoadTraffic(run: try run(of: path))
        var replayed = 0
        var stored = 0
        var failed = 0
        for entry in try read(path) where entry.status != 201 {
            guard let number = entry.client, let count = entry.count else { continue }
            let headers = [("Idempotency-Key", entry.key)]
            let response = try? client.post(
                "/v1/arrivals", json: traffic.arrival(client: number, count: count), headers: headers)
            switch (response?.status, response?.headers["idempotent-replayed"]) {
            case (201?, "true"?): replayed += 1
            case (201?, _): stored += 1
            default: failed += 1
            }
        }
        print(
            "retried: \(stored) stored now, \(replayed) had been stored (answered from the first outcome), "
                + "\(failed) failed"
        )
        if failed > 0 { throw CLIError("\(failed) retries failed") }
    }

    /// The run id in the keys (`load-RUN-client-count`).
    private static func run(of path: String) throws -> String {
        guard let key = try read(path).first?.key, key.hasPrefix("load-") else {
            throw CLIError("\(path) holds no load keys")
        }
        return String(key.dropFirst(5).prefix { $0 != "-" })
    }
}
