import Audit
import Foundation
import Postgres

/// `border audit verify|export`: read-only; runs against the primary, a replica or a restored dump.
struct AuditCommand {
    enum Action {
        case verify(from: Int64, to: Int64?)
        case export(from: Int64, to: Int64?, stream: String?)
    }

    let action: Action

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        let verb = arguments.next()
        let from = Int64(try arguments.intOption("--from", default: 1, range: 1...Int.max))
        let to = try arguments.option("--to").map { text throws(CLIError) -> Int64 in
            guard let value = Int64(text), value >= from else { throw CLIError("--to must be a position ≥ --from") }
            return value
        }
        switch verb {
        case "verify": action = .verify(from: from, to: to)
        case "export": action = .export(from: from, to: to, stream: try arguments.option("--stream"))
        default: throw CLIError("border audit needs verify or export")
        }
        try arguments.finish()
    }

    func run() throws {
        // Read-only at the session level: an audit can never write, whatever role it runs as.
        let connection = try PostgresConnection(
            conninfo: Database.conninfo, options: ["options": "-c default_transaction_read_only=on"])
        switch action {
        case .verify(let from, let to):
            try verify(from: from, to: to, on: connection)
        case .export(let from, let to, let stream):
            let output = FileHandle.standardOutput
            try EventExport().export(from: from, to: to, stream: stream, on: connection) { line in
                output.write(Data((line + "\n").utf8))
            }
        }
    }

    private func verify(from: Int64, to: Int64?, on connection: PostgresConnection) throws {
        let bar = ProgressBar(label: "verify")
        let started = Date()
        let fetcher = try PostgresConnection(
            conninfo: Database.conninfo, options: ["options": "-c default_transaction_read_only=on"])
        let report = try ChainVerifier().verify(from: from, to: to, on: connection, prefetchOn: fetcher) {
            done, total in
            bar.update(done: done, total: total)
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Int(Double(report.verified) / seconds) : 0
        if let broken = report.broken {
            print("FAILED: \(broken) (verified \(report.verified) events from position \(report.first))")
            throw CLIError("the hash chain is broken at position \(broken.position)")
        }
        print(
            "OK: positions \(report.first)...\(report.last) verified (\(report.verified) events, \(rate) per second); "
                + "head hash \(Hex.encode(report.lastHash))")
    }
}
