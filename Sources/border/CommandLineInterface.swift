import EventStore
import Foundation
import Postgres

/// `border <command> ...`: dispatches to a command and turns its errors into one line on stderr
/// and a non-zero exit status.
enum CommandLineInterface {
    static let usage = """
        usage: border <command> [options]

          migrate                          apply the event store's and read models' migrations
          serve [--listen HOST:PORT]       run the HTTP API (default 127.0.0.1:8080; port 0 picks one)
                [--threads N] [--pool N]
                [--visitor-permit-days N]  length of the visitor permit given on arrival (60)
          project NAME [--snapshot-every N] [--snapshot-interval S] [--snapshots-kept K]
                                           follow the log and keep read model NAME (officer-lookup,
                                           statistics, summit-delegates); take a read-model
                                           snapshot, in the background, once
                                           N events have passed since the latest (1000000; 0: none)
                                           and at most one per S seconds (3600), keeping K (3)
          project --all                    every read model, each in a child process (the snapshot
                                           options above apply to each)
          project NAME --verify | --rebuild | --snapshot
                                           compare with a rebuild from the log; rebuild beside the
                                           live one and switch; take a read-model snapshot now
          watch overstays [--every S] [--once] [--today YYYY-MM-DD]
                                           flag travellers in the country past their authorised
                                           day, clear flags once they leave or are extended
          status                           the log's head and each read model's lag (events, seconds)
          token create --role ROLE [--name NAME] [--replace]
                                           a bearer token for the API, printed once; roles: officer,
                                           visa-officer, supervisor, accreditation, auditor, admin;
                                           one active token a name: --replace revokes the name's
          token list | token revoke --name NAME
          demo feed --url URL [--token T] [--date YYYY-MM-DD] [--seed N] [--arrivals N] [--departures N]
                                           record a day of generated traffic at APW through the API
          demo lookups --url URL [--token T] [--date YYYY-MM-DD] [--seed N]
                                           print a few officer lookups of that day's travellers
          audit verify [--from P] [--to P] recompute the hash chain; report the first break
          audit verify --against FILE --public-key FILE
                                           also prove the log extends a signed checkpoint
          audit history DOCUMENT [--issuing-state S]
                                           a traveller's whole timeline, in occurred and in
                                           recorded order, corrections beside what they correct
          audit keygen --private FILE --public FILE
                                           an Ed25519 key pair for the auditor
          audit checkpoint --key FILE [--out FILE]
                                           verify, then sign the head position and hash
          audit as-of TIME|POSITION [--occurred] [--projection officer-lookup]
                (--document D [--nationality N] | --in-country [--limit N])
                                           rebuild a read model as of a moment and ask it: a TIME
                                           is recorded time (what the system knew then) unless
                                           --occurred (what had happened by then, including
                                           crossings recorded later)
          project officer-lookup --verify  rebuild into a scratch schema and compare checksums
          project officer-lookup --rebuild rebuild beside the live read model, then switch to it
          project officer-lookup --snapshot [--snapshots-kept K]
                                           take a read-model snapshot now, keep the latest K (3),
                                           and say how long it took
          audit export [--from P] [--to P] [--stream S]
                                           JSON Lines for third-party verification
          load --url URL [--token T] [--seconds S] [--clients C] [--record FILE]
                                           arrivals from C clients, each outcome recorded
          load check --record FILE         every acknowledged arrival is in the log
          load fill [--events N]           append generated summit weeks straight to the store
                                           until the log holds at least N events (100,000), on
                                           top of what it holds (each traveller's
                                           commands decided against its stream)
          load retry --url URL --record FILE
                                           send the unacknowledged again with their keys
          bench store [--seconds N] [--json]
                                           the event store beside bare INSERT/SELECT baselines
          bench projections [--events N] [--seconds N] [--json]
                                           read-model rebuild rate and live lag beside a bare
                                           scan of the log and a bare NOTIFY
          bench lookups [--travellers N] [--seconds N] [--json]
                                           officer lookups by document beside a bare SELECT

        The database is found as PostgreSQL's tools find it: BORDER_DATABASE_URL (a URI or
        key=value string), else the PG* environment variables.
        """

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        var arguments = Arguments(arguments)
        do {
            switch arguments.next() {
            case "migrate": try MigrateCommand(arguments).run()
            case "serve": try ServeCommand(arguments).run()
            case "project": try ProjectCommand(arguments).run()
            case "demo": try DemoCommand(arguments).run()
            case "bench": try BenchCommand(arguments).run()
            case "audit": try AuditCommand(arguments).run()
            case "status": try StatusCommand(arguments).run()
            case "token": try TokenCommand(arguments).run()
            case "watch": try WatchCommand(arguments).run()
            case "load": try LoadCommand(arguments).run()
            case "help", "--help", "-h":
                print(usage)
            case let other:
                throw CLIError("unknown command \(other.map { "'\($0)'" } ?? "(none)"); see `border help`")
            }
            return 0
        } catch {
            // A statement cancelled by Ctrl-C fails with its own error: say what happened instead.
            let said = Interruption.wasRequested ? "\(Interruption.refusal)" : "\(error)\(hint(for: error))"
            FileHandle.standardError.write(Data("border: \(said)\n".utf8))
            return 1
        }
    }

    /// A hint for the errors a newcomer meets first, by SQLSTATE.
    static func hint(for error: any Error) -> String {
        guard let error = error as? PostgresError ?? (error as? EventStoreError)?.underlying else { return "" }
        let url = Database.conninfo
        let postgresURL = url.hasPrefix("postgresql://") || url.hasPrefix("postgres://")
        if error.code == .connection, !url.isEmpty, !url.contains("="), !postgresURL {
            return " (BORDER_DATABASE_URL was read as the name of a database on the default server: give a"
                + " postgresql:// URL or key=value pairs, as `Scripts/pg env` prints them)"
        }
        switch error.sqlState {
        case PostgresError.State.undefinedTable?:
            return " (a table is missing: is BORDER_DATABASE_URL the database that `border migrate` set up, and has"
                + " it run since this version was installed?)"
        case PostgresError.State.insufficientPrivilege?:
            return " (permission denied: migrate, --verify and --rebuild need the database owner; audit as-of needs"
                + " border_auditor or the owner)"
        case PostgresError.State.auditorSchema?:
            return " (border_auditor owns a schema not named scratch_*, which could shadow another role's tables;"
                + " inspect it and drop it)"
        default:
            return ""
        }
    }
}

/// A CLI failure: printed as one line on stderr.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
