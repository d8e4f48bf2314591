import Foundation
import Postgres
import Projections

/// `border status`: the log's head and how far each read model is behind it.
struct StatusCommand {
    init(_ arguments: Arguments) throws(CLIError) {
        try arguments.finish()
    }

    /// Everything from one snapshot of the database, so that no checkpoint is shown ahead of
    /// the head printed above it.
    func run() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let lines = try connection.withTransaction(
            context: "status", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
        ) { connection in
            var lines = [String]()
            for projection in ProjectCommand.projections {
                let lag = try ProjectionLag.measure(projection, on: connection)
                if lines.isEmpty { lines.append("log: position \(lag.head)") }
                let lease = try connection.query(
                    """
                    -- A projector that stops releases the lease (no holder); one that died leaves it to expire.
                    SELECT CASE WHEN holder IS NULL THEN 'none (no projector is running)'
                        WHEN expires_at > clock_timestamp() THEN holder ELSE 'none (lease expired)' END
                    FROM \(projection.schema).lease
                    """)
                let owner = try lease.first?.string(0) ?? "none"
                lines.append(
                    String(
                        format: "%@: checkpoint %lld, lag %lld events, %.3f s; owner %@", lag.name, lag.checkpoint,
                        lag.events, lag.seconds, owner))
            }
            return lines
        }
        for line in lines { print(line) }
    }
}
