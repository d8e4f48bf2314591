import BorderAPI
import BorderDomain
import EventStore
import Foundation
import HTTPServer
import Postgres

/// `border serve`: the HTTP API on 127.0.0.1, until SIGINT or SIGTERM.
struct ServeCommand {
    var host = "127.0.0.1"
    var port: UInt16 = 8080
    var threads: Int
    var poolSize: Int
    var rules = EntryRules()

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        if let listen = try arguments.option("--listen") {
            let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let port = UInt16(parts[1]) else {
                throw CLIError("--listen must be HOST:PORT, such as 127.0.0.1:8080")
            }
            host = String(parts[0])
            self.port = port
        }
        threads = try arguments.intOption("--threads", default: 16, range: 1...256)
        poolSize = try arguments.intOption("--pool", default: 16, range: 1...256)
        rules.visitorPermitDays = Int64(try arguments.intOption("--visitor-permit-days", default: 60, range: 1...365))
        try arguments.finish()
    }

    func run() throws {
        let pool = PostgresPool(conninfo: Database.conninfo, size: poolSize)
        try pool.withConnection { _ in }
        let writer = GroupCommitWriter(conninfo: Database.conninfo) {
            Log.error("event store unreachable error=\"\($0)\"")
        }
        let api = BorderAPI(pool: pool, writer: writer, rules: rules, log: { Log.warning($0) })
        let configuration = HTTPServer.Configuration(host: host, port: port, threads: threads)
        let server = try HTTPServer(configuration: configuration, responder: api)
        FileHandle.standardOutput.write(Data("listening on http://\(host):\(server.port)\n".utf8))
        Log.info("serving host=\(host) port=\(server.port) threads=\(threads) pool=\(poolSize)")
        let signal = TerminationSignal.wait()
        Log.info("stopping signal=\(signal)")
        server.drainAndStop(gracePeriodSeconds: 10)
        writer.shutdown()
    }
}
