import Foundation
import Postgres
import Projections

/// `border status`: the log's head and how far each read model is behind it.
struct StatusCommand {
    init(_ arguments: Arguments) throws(CLIError) {
        try arguments.finish()
    }

    func run() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        var head: Int64?
        for projection in ProjectCommand.projections {
            let lag = try ProjectionLag.measure(projection, on: connection)
            if head == nil {
                head = lag.head
                print("log: position \(lag.head)")
            }
            let lease = try connection.query(
                "SELECT coalesce(holder, 'none'), expires_at > clock_timestamp() FROM \(projection.schema).lease")
            let owner = try lease.first.map { try $0.bool(1) ? try $0.string(0) : "none (lease expired)" } ?? "none"
            print(
                String(
                    format: "%@: checkpoint %lld, lag %lld events, %.3f s; owner %@", lag.name, lag.checkpoint,
                    lag.events, lag.seconds, owner))
        }
    }
}
