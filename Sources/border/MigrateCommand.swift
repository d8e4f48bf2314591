import Audit
import BorderAPI
import EventStore
import Postgres
import Projections
import Snapshots

/// `border migrate`: applies the event store's migrations, then each read model's.
struct MigrateCommand {
    init(_ arguments: Arguments) throws(CLIError) {
        try arguments.finish()
    }

    func run() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let migrator = Migrator()
        var applied = try migrator.migrate(try Migration.eventStore(), on: connection)
        applied += try migrator.migrate(try AggregateLoader<Void>.migrations(), on: connection)
        applied += try migrator.migrate(try TokenStore.migrations(), on: connection)
        for projection in ProjectCommand.projections {
            applied += try migrator.migrate(try projection.migrations(), on: connection)
        }
        applied += try migrator.migrate(try Migration.audit(), on: connection)
        Log.info("migrated applied=\(applied.count)")
        for name in applied { print("applied \(name)") }
    }
}
