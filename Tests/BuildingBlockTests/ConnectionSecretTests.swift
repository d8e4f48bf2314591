import Testing

@testable import Postgres

/// Newcomer review: libpq quotes a connection string it cannot parse, password and all, and the
/// error went on to the terminal word for word.
@Suite("Passwords kept out of connection errors")
struct ConnectionSecretTests {
    @Test func aURIThatCannotBeParsedIsQuotedWithoutItsPassword() throws {
        let conninfo = "postgresql://postgres:s3cretPW@[::1/border"
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) }
        let text = "\(error)"
        #expect(!text.contains("s3cretPW"))
        #expect(text.contains("postgresql://postgres:***@[::1/border"))
    }

    /// Second newcomer review: a short password was masked wherever its letters appeared,
    /// which garbled the message and showed which letters it was.
    @Test func aShortPasswordIsMaskedOnlyWhereTheStringIsQuoted() throws {
        let conninfo = "postgresql://u:e@[::1/d"
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) }
        let text = "\(error)"
        #expect(text.contains("\"postgresql://u:***@[::1/d\""), "\(text)")
        #expect(text.contains("end of string reached when looking for"), "\(text)")
    }

    @Test func passwordsAreFoundInURIsAndKeyValueStrings() {
        #expect(PostgresConnection.passwords(in: "postgres://u:p%40ss@h/db") == ["p%40ss"])
        #expect(PostgresConnection.passwords(in: "postgresql://u@h/db?password=q1&sslmode=off") == ["q1"])
        #expect(PostgresConnection.passwords(in: "host=h password = 'a b' user=u") == ["a b"])
        #expect(PostgresConnection.passwords(in: "host=h password=xyz") == ["xyz"])
        #expect(PostgresConnection.passwords(in: "host=h user=mypassword=1") == [])
        #expect(PostgresConnection.passwords(in: "host=h dbname=border") == [])
    }

    @Test func aMessageKeepsEverythingButThePassword() {
        let message = PostgresConnection.masking(
            password: "host=h password=hunter2 junk", in: "missing \"=\" after \"hunter2 junk\"")
        #expect(message == "missing \"=\" after \"*** junk\"")
    }
}
