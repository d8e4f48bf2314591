import Foundation
import HTTPClient
import JSON
import Locking
import Postgres
import TestSupport
import Testing

/// A token's name names one client: at most one active token per name, so that revoking a name
/// means one token and a replaced token keeps its client's retries (newcomer review of issue 4).
@Suite("One active token a name", .serialized)
struct TokenNameTests {
    @Test func aSecondActiveTokenOfANameIsRefusedAndReplaceRevokesTheFirst() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }

        #expect(throws: HTTPClient.Failure.self, "e2e-officer has an active token") {
            try system.run(["token", "create", "--role", "officer", "--name", "e2e-officer"], as: system.ownerURL)
        }
        let refusal = failure(of: try system.run(["token", "create", "--role", "admin", "--name", "e2e-officer"]))
        #expect(refusal.contains("an active token already has this name"), "\(refusal)")
        #expect(try tokens(system) == ["e2e-officer\tofficer\tactive"], "the refused token stored nothing")

        _ = try system.run(["token", "create", "--role", "officer", "--name", "e2e-officer", "--replace"])

        #expect(try tokens(system) == ["e2e-officer\tofficer\trevoked", "e2e-officer\tofficer\tactive"])
        #expect(try system.run(["token", "revoke", "--name", "e2e-officer"]) == "revoked the token of e2e-officer\n")
        let again = failure(of: try system.run(["token", "revoke", "--name", "e2e-officer"]))
        #expect(again.contains("no active token is named e2e-officer"), "\(again)")
    }

    @Test func theAPIRefusesANameThatHasAnActiveTokenNamingTheField() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let admin = system.client(token: try system.token(role: "admin"))

        let taken = try admin.post("/v1/tokens", json: #"{"name":"e2e-officer","role":"supervisor"}"#)
        let free = try admin.post("/v1/tokens", json: #"{"name":"desk-7","role":"officer"}"#)

        #expect(taken.status == 409)
        let error = try JSON.parse(taken.body)["error"]
        #expect(error?["code"] == "conflict")
        #expect(error?["field"] == "name")
        #expect(free.status == 201)
        #expect(
            try tokens(system) == [
                "e2e-officer\tofficer\tactive", "e2e-admin\tadmin\tactive", "desk-7\tofficer\tactive",
            ])
    }

    /// Where a database made before the rule holds several active tokens of one name, the
    /// migration keeps the newest active and revokes the older ones.
    @Test func theMigrationKeepsTheNewestActiveTokenOfEachName() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        try owner.execute(
            """
            DROP INDEX api_tokens_active_name;
            DELETE FROM schema_migrations WHERE component = 'access' AND number = 2;
            INSERT INTO api_tokens (name, role, token_sha256)
            SELECT 'e2e-officer', 'officer', sha256(convert_to(n::text, 'UTF8')) FROM generate_series(1, 2) AS n;
            """, context: "a database from before the rule")

        _ = try system.run(["migrate"], as: system.ownerURL)

        #expect(
            try tokens(system) == [
                "e2e-officer\tofficer\trevoked", "e2e-officer\tofficer\trevoked", "e2e-officer\tofficer\tactive",
            ])
        let index = try owner.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'api_tokens_active_name'")
        #expect(try index[0].int64(0) == 1)
    }

    /// Newcomer review of issue 4: replaces of one name at once collided on the index of active
    /// names, and the loser was told to use --replace.
    @Test func replacesOfOneNameAtOnceAllSucceed() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let failures = Locked([String]())

        runOnThreads(8) { _ in
            do {
                _ = try system.run(["token", "create", "--role", "officer", "--name", "e2e-officer", "--replace"])
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }

        #expect(failures.withLock { $0 } == [])
        let active = try tokens(system).filter { $0.hasSuffix("\tactive") }
        #expect(active == ["e2e-officer\tofficer\tactive"])
        #expect(try tokens(system).count == 9)
    }

    private func tokens(_ system: RunningSystem) throws -> [String] {
        try system.run(["token", "list"]).split(separator: "\n").map(String.init)
    }

    private func failure(of body: @autoclosure () throws -> String) -> String {
        do {
            return "succeeded: \(try body())"
        } catch {
            return "\(error)"
        }
    }
}
