import Benchmarks
import EventStore
import Foundation
import HTTPClient
import Locking
import Postgres

/// `border load`: arrivals through the API from many clients, for drills. Every outcome is
/// written down (`--record FILE`: one line per request, `201 KEY` or `STATUS KEY CLIENT COUNT`),
/// so that afterwards `border load check` can prove each acknowledged crossing is in the log,
/// and `border load retry` can send the others again with their keys.
///
///   border load --url URL [--token T] [--seconds S] [--clients C] [--record FILE]
///   border load retry --url URL [--token T] --record FILE
///   border load check --record FILE        (needs the database: BORDER_DATABASE_URL)
///   border load fill --events N            (the same: generated summit weeks appended straight
///                                           to the store until the log holds N events)
struct LoadCommand {
    enum Action {
        case run(seconds: Int, clients: Int)
        case retry
        case check
        case fill(events: Int)
    }

    let action: Action
    let client: HTTPClient?
    let record: String?

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        let verb = arguments.peek()
        if verb == "retry" || verb == "check" || verb == "fill" { _ = arguments.next() }
        record = try arguments.option("--record")
        if verb == "fill" {
            client = nil
            action = .fill(events: try arguments.intOption("--events", default: 100_000, range: 1...100_000_000))
        } else if verb == "check" {
            client = nil
            action = .check
        } else {
            guard let url = try arguments.option("--url") else { throw CLIError("border load needs --url") }
            do {
                var client = try HTTPClient(url: url)
                client.bearerToken =
                    try arguments.option("--token") ?? ProcessInfo.processInfo.environment["BORDER_TOKEN"]
                self.client = client
            } catch {
                throw CLIError("--url: \(error)")
            }
            action =
                verb == "retry"
                ? .retry
                : .run(
                    seconds: try arguments.intOption("--seconds", default: 10, range: 1...3600),
                    clients: try arguments.intOption("--clients", default: 16, range: 1...512))
        }
        guard record != nil || !(verb == "retry" || verb == "check") else {
            throw CLIError("border load retry and check need --record FILE")
        }
        try arguments.finish()
    }

    func run() throws {
        switch action {
        case .run(let seconds, let clients): try load(seconds: seconds, clients: clients)
        case .retry: try LoadRecord.retry(from: record!, with: client!)
        case .check: try LoadRecord.check(record!)
        case .fill(let events):
            let connection = try PostgresConnection(conninfo: Database.conninfo)
            var log = BenchmarkLog()
            try log.fill(to: events, on: connection)
            print("the log holds \(try EventStore().head(on: connection).position) events")
        }
    }

    private func load(seconds: Int, clients: Int) throws {
        let traffic = LoadTraffic()
        let outcomes = Locked([String]())
        let statuses = Locked([Int: Int]())
        let http = client!
        let measured = try LoadRunner.run(
            clients: clients, seconds: Double(seconds), setUp: { _ in HTTPConnection(client: http) }
        ) { http, client, count in
            let status = traffic.post(client: client, count: count, with: http)
            let key = traffic.key(client: client, count: count)
            outcomes.withLock { $0.append(status == 201 ? "201 \(key)" : "\(status) \(key) \(client) \(count)") }
            statuses.withLock { $0[status, default: 0] += 1 }
            if status != 201 { usleep(20_000) }  // a failing server is not hammered
            return status == 201 ? 1 : 0
        }
        if let record {
            let text = outcomes.withLock { $0.joined(separator: "\n") } + "\n"
            guard FileManager.default.createFile(atPath: record, contents: Data(text.utf8)) else {
                throw CLIError("cannot write \(record)")
            }
        }
        let counts = statuses.withLock { $0 }.sorted { $0.key < $1.key }.map {
            "\($0.key == 0 ? "no answer" : "\($0.key)"): \($0.value)"
        }
        print(
            String(
                format: "%d requests, %.0f crossings/s recorded, p50 %.2f ms, p99 %.2f ms, max %.2f ms; ",
                measured.operations, measured.rate, measured.percentile(0.5), measured.percentile(0.99),
                measured.percentile(1.0)) + counts.joined(separator: ", ") + " (run \(traffic.run))")
    }
}
