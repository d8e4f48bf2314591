import Postgres

/// Applies migrations in order, each in its own transaction, recording what was applied in
/// `schema_migrations`. Serialised by an advisory lock, so two `border migrate` runs are safe.
public struct Migrator: Sendable {
    public init() {}

    /// Applies what is not yet applied; returns the names of the migrations applied now.
    @discardableResult
    public func migrate(_ migrations: [Migration], on connection: PostgresConnection) throws -> [String] {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                component TEXT NOT NULL,
                number INTEGER NOT NULL,
                name TEXT NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                PRIMARY KEY (component, number)
            );
            COMMENT ON TABLE schema_migrations IS 'Migrations applied to this schema, by component and number.'
            """, context: "create schema_migrations")
        var applied = [String]()
        for migration in migrations {
            let done = try connection.withTransaction(context: "migration \(migration.name)") { connection in
                try connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/schema_migrations'))",
                    context: "lock migrations")
                let rows = try connection.query(
                    "SELECT 1 FROM schema_migrations WHERE component = $1 AND number = $2",
                    [migration.component, String(migration.number)], context: "read migrations")
                guard rows.isEmpty else { return false }
                try connection.execute(migration.sql, context: "migration \(migration.name)")
                try connection.query(
                    "INSERT INTO schema_migrations (component, number, name) VALUES ($1, $2, $3)",
                    [migration.component, String(migration.number), migration.name], context: "record migration")
                return true
            }
            if done { applied.append("\(migration.component)/\(migration.name)") }
        }
        return applied
    }

    /// Applies every migration in order, each in its own transaction, without recording them:
    /// for a scratch schema that is built and dropped (so that a role that may only create
    /// scratch schemas, the auditor's, can build one).
    public func applyUnrecorded(_ migrations: [Migration], on connection: PostgresConnection) throws {
        for migration in migrations {
            _ = try connection.withTransaction(context: "migration \(migration.name)") { connection in
                try connection.execute(migration.sql, context: "migration \(migration.name)")
            }
        }
    }
}
