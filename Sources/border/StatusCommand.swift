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
            print(
                String(
                    format: "%@: checkpoint %lld, lag %lld events, %.3f s", lag.name, lag.checkpoint, lag.events,
                    lag.seconds))
        }
    }
}
