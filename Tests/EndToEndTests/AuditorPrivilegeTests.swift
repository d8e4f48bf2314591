import Postgres
import TestSupport
import Testing

/// Regressions from the newcomer review of issue 6: the auditor's database role may create
/// schemas for `audit as-of`, and with that it could create a schema named after another role
/// (`border_app`), which that role's search_path (`"$user", public`) reaches first: a table
/// `api_tokens` there made `border serve` accept a supervisor token the auditor forged.
@Suite("The auditor's role cannot shadow what other roles read")
struct AuditorPrivilegeTests {
    @Test func auditorMayOwnScratchSchemasOnly() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let auditor = try PostgresConnection(conninfo: system.auditorURL)

        #expect(throws: PostgresError.self, "a schema border_app's search_path reaches") {
            try auditor.execute("CREATE SCHEMA border_app")
        }
        try auditor.execute("CREATE SCHEMA scratch_review")
        #expect(throws: PostgresError.self, "a scratch schema renamed after a role") {
            try auditor.execute("ALTER SCHEMA scratch_review RENAME TO border_app")
        }
        try auditor.execute("DROP SCHEMA scratch_review")

        let app = try PostgresConnection(conninfo: system.appURL)
        let schemas = try app.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'border_app'")
        #expect(try schemas[0].int64(0) == 0)
    }
}
