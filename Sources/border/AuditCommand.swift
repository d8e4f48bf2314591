import Audit
import Foundation
import JSON
import Postgres

/// `border audit ...`: read-only; runs against the primary, a replica or a restored dump.
struct AuditCommand {
    enum Action {
        case verify(from: Int64, to: Int64?, against: (file: String, publicKey: String)?)
        case export(from: Int64, to: Int64?, stream: String?)
        case keygen(privateKey: String, publicKey: String)
        case checkpoint(privateKey: String, output: String?)
        case asOf(AsOfCommand)
        case history(document: String, issuingState: String?)
    }

    let action: Action

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        let verb = arguments.next()
        if verb == "as-of" {
            action = .asOf(try AsOfCommand(&arguments))
            try arguments.finish()
            return
        }
        let from = Int64(try arguments.intOption("--from", default: 1, range: 1...Int.max))
        let to = try arguments.option("--to").map { text throws(CLIError) -> Int64 in
            guard let value = Int64(text), value >= from else { throw CLIError("--to must be a position ≥ --from") }
            return value
        }
        switch verb {
        case "history":
            guard let document = arguments.next(), !document.hasPrefix("--") else {
                throw CLIError("border audit history needs a document number")
            }
            action = .history(document: document, issuingState: try arguments.option("--issuing-state"))
        case "verify":
            let against = try arguments.option("--against")
            let publicKey = try arguments.option("--public-key")
            guard (against == nil) == (publicKey == nil) else {
                throw CLIError("--against FILE needs --public-key FILE (the auditor's Ed25519 public key)")
            }
            guard against == nil || (from == 1 && to == nil) else {
                throw CLIError("--against verifies the whole log; leave out --from and --to")
            }
            action = .verify(from: from, to: to, against: against.map { ($0, publicKey!) })
        case "export":
            action = .export(from: from, to: to, stream: try arguments.option("--stream"))
        case "keygen":
            guard let privateKey = try arguments.option("--private"), let publicKey = try arguments.option("--public")
            else { throw CLIError("border audit keygen needs --private FILE and --public FILE") }
            action = .keygen(privateKey: privateKey, publicKey: publicKey)
        case "checkpoint":
            guard let key = try arguments.option("--key") else {
                throw CLIError("border audit checkpoint needs --key FILE (the auditor's Ed25519 private key)")
            }
            action = .checkpoint(privateKey: key, output: try arguments.option("--out"))
        default:
            throw CLIError("border audit needs verify, export, keygen, checkpoint, history or as-of")
        }
        try arguments.finish()
    }

    func run() throws {
        switch action {
        case .verify(let from, let to, let against):
            try verify(from: from, to: to, against: against)
        case .export(let from, let to, let stream):
            let output = FileHandle.standardOutput
            try EventExport().export(from: from, to: to, stream: stream, on: try Self.connect()) { line in
                output.write(Data((line + "\n").utf8))
            }
        case .keygen(let privateKey, let publicKey):
            try SigningKey.generate().write(privateTo: privateKey, publicTo: publicKey)
            print("wrote Ed25519 private key \(privateKey) (keep it with the auditor) and public key \(publicKey)")
        case .checkpoint(let privateKey, let output):
            try checkpoint(key: privateKey, output: output)
        case .asOf(let command):
            try command.run()
        case .history(let document, let issuingState):
            try HistoryCommand(document: document, issuingState: issuingState).run(on: try Self.connect())
        }
    }

    /// A session that cannot write, whatever role it runs as.
    static func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: Database.conninfo, options: ["options": "-c default_transaction_read_only=on"])
    }

    private func checkpoint(key path: String, output: String?) throws {
        let key = try SigningKey.read(pem: path, privateKey: true)
        let connection = try Self.connect()
        let report = try ChainVerifier().verify(on: connection, prefetchOn: try Self.connect())
        if let broken = report.broken {
            throw CLIError("refusing to sign a checkpoint of a broken chain: \(broken)")
        }
        let checkpoint = try Checkpoint.sign(position: report.last, hash: report.lastHash, with: key)
        let text = checkpoint.json.serializedString() + "\n"
        print(text, terminator: "")
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw CLIError("cannot write \(output)")
            }
        }
    }

    private func verify(from: Int64, to: Int64?, against: (file: String, publicKey: String)?) throws {
        var signed: Checkpoint?
        if let against {
            guard let data = FileManager.default.contents(atPath: against.file) else {
                throw CLIError("cannot read \(against.file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let checkpoint = try Checkpoint(json: try JSON.parse(Array(text.utf8)))
            guard checkpoint.isSigned(by: try SigningKey.read(pem: against.publicKey, privateKey: false)) else {
                throw CLIError("\(against.file) is not signed by the key in \(against.publicKey)")
            }
            signed = checkpoint
        }
        let bar = ProgressBar(label: "verify")
        let started = Date()
        let report = try ChainVerifier().verify(
            from: from, to: to, against: signed.map { ($0.position, $0.hash) }, on: try Self.connect(),
            prefetchOn: try Self.connect()
        ) { done, total in bar.update(done: done, total: total) }
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Int(Double(report.verified) / seconds) : 0
        if let broken = report.broken {
            print("FAILED: \(broken) (verified \(report.verified) events from position \(report.first))")
            throw CLIError("the hash chain is broken at position \(broken.position)")
        }
        if let signed { print("OK: the log extends the checkpoint signed at position \(signed.position)") }
        if let to, to > report.last { print("note: the log ends at position \(report.last), before --to \(to)") }
        print(
            "OK: positions \(report.first)...\(report.last) verified (\(report.verified) events, \(rate) per second); "
                + "head hash \(Hex.encode(report.lastHash))")
    }
}
