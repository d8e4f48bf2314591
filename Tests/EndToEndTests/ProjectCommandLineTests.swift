import Foundation
import Postgres
import TestSupport
import Testing

/// Newcomer review: `border project` took flags it then ignored (`--all --rebuild` rebuilt one
/// read model, `--rebuild --verify` only verified) and did not say which name it did not know.
@Suite("border project refuses what it would not do")
struct ProjectCommandLineTests {
    /// Runs `border` (with no database to reach unless `url` is given) and returns its exit
    /// status and standard error.
    static func border(_ arguments: [String], url: String = "host=/nonexistent") throws -> (
        status: Int32, errors: String
    ) {
        let process = Process()
        process.executableURL = RunningSystem.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BORDER_DATABASE_URL"] = url
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // A command that should have stopped at once but runs on is stopped, to fail the test.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if process.isRunning { process.terminate() } }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(arguments: [
        (["--all", "--rebuild"], "--rebuild and --all cannot be given together"),
        (["officer-lookup", "--rebuild", "--verify"], "--verify and --rebuild cannot be given together"),
        (["statistics", "--snapshot", "--verify"], "--verify and --snapshot cannot be given together"),
        (["officer-lookup", "--verify", "--all"], "--verify and --all cannot be given together"),
        (["--all", "statistics"], "give 'statistics' or --all, not both"),
        (["--all", "--bogus"], "unexpected argument '--bogus'"),
        (["officer-lookup", "--rebuild", "--snapshot-every", "5"], "--snapshot-every is for a running projector"),
        (["officer-lookup", "--snapshot", "--snapshot-interval=60"], "--snapshot-interval is for a running projector"),
        (["officer_lookup", "--rebuild"], "no read model is called 'officer_lookup': one of officer-lookup"),
        ([], "needs a read model name"),
    ])
    func refused(arguments: [String], message: String) throws {
        let (status, errors) = try Self.border(["project"] + arguments)
        #expect(status == 1)
        #expect(errors.contains(message), "\(errors)")
        #expect(!errors.contains("postgres"), "refused before connecting")
    }

    /// Newcomer review: a BORDER_DATABASE_URL that is neither a URL nor key=value pairs is a
    /// database name to libpq, and the failure did not say so.
    @Test func aURLThatIsNoURLIsSaidToBeReadAsADatabaseName() throws {
        for url in ["not a url at all", "http://127.0.0.1:5432/border"] {
            let (status, errors) = try Self.border(["status"], url: url)
            #expect(status == 1)
            #expect(errors.contains("BORDER_DATABASE_URL was read as the name of a database"), "\(errors)")
        }
    }

    /// Taking a snapshot now keeps the latest --snapshots-kept: that option is not refused.
    @Test func aSnapshotTakenNowMayKeepSoMany() throws {
        let (status, errors) = try Self.border(["project", "officer-lookup", "--snapshot", "--snapshots-kept", "2"])
        #expect(status == 1)
        #expect(errors.contains("connection"), "\(errors)")
    }

    /// Newcomer review: pointed at a database that was never migrated, `--verify` said only
    /// "read checkpoint (prepare) failed with SQLSTATE 42P01".
    @Test func aDatabaseNeverMigratedIsNamedAsTheLikelyCause() throws {
        let admin = try PostgresConnection(conninfo: TestDatabase.conninfo)
        let name = "unmigrated_\(UUID().uuidString.lowercased().prefix(8))"
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? admin.execute("DROP DATABASE \(name)") }
        let database = try admin.query("SELECT current_database()")[0].string(0)
        let url = TestDatabase.conninfo.replacingOccurrences(of: "/\(database)", with: "/\(name)")
        #expect(url != TestDatabase.conninfo)
        for command in [["project", "officer-lookup", "--verify"], ["status"], ["project", "statistics"]] {
            let (status, errors) = try Self.border(command, url: url)
            #expect(status == 1)
            #expect(errors.contains("42P01 (a table is missing: is BORDER_DATABASE_URL the database"), "\(errors)")
        }
    }
}
