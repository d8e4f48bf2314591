import Foundation
import HTTPClient
import Postgres
import TestSupport

/// The real system for one test: a database of its own, `border migrate`, then `border serve` and
/// `border project officer-lookup` as separate processes of the built binary.
final class RunningSystem: @unchecked Sendable {
    let database: String
    /// The owner's connection string, for `border migrate`.
    let ownerURL: String
    /// The application role's, for `serve` and `project`, which may only read and append the log.
    let appURL: String
    /// The auditor's, for `border audit`: reads everything, may build scratch read models, writes nothing.
    let auditorURL: String
    private(set) var server: Process?
    private(set) var projector: Process?
    private(set) var client: HTTPClient!
    /// The token `client` sends: an officer's, who records crossings and looks travellers up.
    private(set) var officerToken = ""
    private var extra = [Process]()

    /// The `border` built beside this test runner, so that a build in another scratch path (a
    /// sanitized one, `Scripts/sanitize`) runs its own binary and not the plain debug build's.
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("border")
    }

    init(startProjector: Bool = true) throws {
        database = "e2e_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))"
        let admin = try PostgresConnection(conninfo: TestDatabase.conninfo)
        try admin.execute("CREATE DATABASE \(database)", context: "create test database")
        let base = try admin.query(
            "SELECT format('host=%s port=%s dbname=%s', $1::text, current_setting('port'), $2::text), current_user",
            [Self.host(of: admin), database])[0]
        ownerURL = "\(try base.string(0)) user=\(try base.string(1))"
        appURL = "\(try base.string(0)) user=border_app"
        auditorURL = "\(try base.string(0)) user=border_auditor"
        try run(["migrate"], as: ownerURL)
        officerToken = try token(role: "officer")
        try startServer()
        if startProjector { try self.startProjector() }
    }

    deinit { stop() }

    /// Stops serve and the projectors with SIGTERM, and with SIGKILL after ten seconds, so that
    /// a process that does not stop cannot hang the test run. Waits for every process, one that a
    /// test has killed too: in swift-corelibs-foundation (Swift 6.3.1) a `Process` and the run loop
    /// source that `run()` adds keep each other alive until `waitUntilExit()` lets go of the source.
    func stop() {
        for process in ([server, projector] + extra).compactMap({ $0 }) {
            if process.isRunning {
                process.terminate()
                if !waitUntil(seconds: 10, { !process.isRunning }) {
                    kill(process.processIdentifier, SIGKILL)
                }
            }
            process.waitUntilExit()
        }
    }

    /// `border project officer-lookup` (the process `projector` names) and, beside it,
    /// `border project statistics` and `border project summit-delegates`, so that every read model
    /// has an owner.
    func startProjector() throws {
        projector = try launch(["project", "officer-lookup"])
        for name in ["statistics", "summit-delegates"]
        where !extra.contains(where: { $0.arguments == ["project", name] }) {
            extra.append(try launch(["project", name]))
        }
    }

    /// A second `border project officer-lookup`, a hot standby beside the first.
    func startStandbyProjector() throws -> Process {
        let standby = try launch(["project", "officer-lookup"])
        extra.append(standby)
        return standby
    }

    /// `border project --all`: every read model in a child process of one supervisor.
    func startAllProjectors() throws {
        projector = try launch(["project", "--all"])
    }

    /// A new bearer token for `role`, made by `border token create` as the owner.
    func token(role: String) throws -> String {
        try run(["token", "create", "--role", role, "--name", "e2e-\(role)"], as: ownerURL)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A client of the same server that sends `token` (none when nil).
    func client(token: String?) -> HTTPClient {
        var other = client!
        other.bearerToken = token
        return other
    }

    /// Runs a `border` command to completion and returns its standard output.
    @discardableResult
    func run(_ arguments: [String], as url: String? = nil) throws -> String {
        let output = Pipe()
        let errors = Pipe()
        let process = try launch(arguments, output: output, errors: errors, url: url ?? appURL)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HTTPClient.Failure(
                description: "border \(arguments.first ?? "") exited \(process.terminationStatus): \(messages)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func startServer() throws {
        let output = Pipe()
        server = try launch(["serve", "--listen", "127.0.0.1:0", "--threads", "4", "--pool", "4"], output: output)
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw HTTPClient.Failure(description: "border serve exited before listening") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).split(separator: "\n")[0]
        client = try HTTPClient(url: String(text.dropFirst("listening on ".count)))
        client.bearerToken = officerToken
    }

    /// Starts `border` with `arguments` as the application role (or `url`), its standard error
    /// into `errors`, with no signal blocked, as a shell starts it (a child of the test runner
    /// inherits the runner's mask, which blocks nearly every signal); the caller waits for it.
    func start(_ arguments: [String], errors: Pipe, output: Pipe? = nil, as url: String? = nil) throws -> Process {
        let unblock = "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die; exec @ARGV or die"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        process.arguments = ["-e", unblock, Self.binary.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BORDER_DATABASE_URL"] = url ?? appURL
        process.environment = environment
        process.standardError = errors
        if let output { process.standardOutput = output }
        try process.run()
        return process
    }

    private func launch(_ arguments: [String], output: Pipe? = nil, errors: Pipe? = nil, url: String? = nil) throws
        -> Process
    {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BORDER_DATABASE_URL"] = url ?? appURL
        process.environment = environment
        if let output { process.standardOutput = output }
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func host(of connection: PostgresConnection) throws -> String {
        let rows = try connection.query("SELECT coalesce(host(inet_server_addr()), '')")
        let address = try rows[0].string(0)
        return address.isEmpty ? (ProcessInfo.processInfo.environment["PGHOST"] ?? "/tmp") : address
    }
}
