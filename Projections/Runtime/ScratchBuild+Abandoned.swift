import Postgres

extension ScratchBuild {
    /// Drops this role's scratch builds whose session has ended (a build killed before it could
    /// drop its own): each is marked with the backend that made it.
    public static func dropAbandoned(on connection: PostgresConnection) throws {
        let abandoned = try connection.query(
            """
            SELECT n.nspname FROM pg_namespace AS n
            WHERE n.nspname LIKE 'scratch\\_%' AND n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                AND substring(obj_description(n.oid, 'pg_namespace') FROM '^scratch build by backend ([0-9]+)$')::int
                    NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
            """, context: "find abandoned scratch builds")
        for row in abandoned {
            try connection.execute(
                "DROP SCHEMA IF EXISTS \(try row.string(0)) CASCADE", context: "drop abandoned build")
        }
        try dropRetired(on: connection)
    }

    /// Drops this role's retired read models that a rebuild switched away from but could not drop
    /// (a reader was still in one, and the wait was cancelled). One a reader still holds waits for
    /// a later build, rather than hold this one up.
    static func dropRetired(on connection: PostgresConnection) throws {
        let retired = try connection.query(
            """
            SELECT nspname FROM pg_namespace
            WHERE nspname ~ '_retired_[0-9a-f]{8}$'
                AND nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            """, context: "find retired read models")
        for row in retired {
            let name = try row.string(0)
            _ = try? connection.withTransaction(context: "drop retired read model") { connection in
                try connection.execute(
                    "SET LOCAL lock_timeout = '200ms'; DROP SCHEMA IF EXISTS \(name) CASCADE",
                    context: "drop retired read model")
            }
        }
    }
}
