import Foundation
import Postgres

/// A schema of its own in the test cluster that `Scripts/test` starts, for one test.
///
/// Connections made through it have `search_path` set to that schema, so every test sees an
/// empty database of its own while sharing one PostgreSQL server.
public struct TestDatabase: Sendable {
    public let conninfo: String
    public let schema: String

    /// The test cluster's connection string; `Scripts/test` sets it. Tests never fall back to
    /// another database: without it they stop at once and say how to run them.
    public static var conninfo: String {
        guard let url = ProcessInfo.processInfo.environment["BORDER_TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("BORDER_TEST_DATABASE_URL is not set: run the tests with Scripts/test")
        }
        return url
    }

    /// Creates a fresh, empty schema.
    public init(prefix: String = "t") throws {
        conninfo = Self.conninfo
        schema = "\(prefix)_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
        let admin = try PostgresConnection(conninfo: conninfo)
        try admin.execute("CREATE SCHEMA \(schema)", context: "create test schema")
    }

    public var options: [String: String] { ["options": "-c search_path=\(schema)"] }

    /// A connection whose search path is this test's schema, as the connecting (owner) role.
    public func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo, options: options)
    }

    /// A connection acting as the application role, which may read and append the log only.
    public func connectAsApplication() throws -> PostgresConnection {
        let connection = try connect()
        try connection.execute("SET ROLE border_app", context: "set role")
        return connection
    }

    public func pool(size: Int) -> PostgresPool {
        PostgresPool(conninfo: conninfo, options: options, size: size)
    }
}

/// Runs `body(index)` on `count` threads of their own (not Swift's cooperative pool, since the
/// bodies block on libpq) and waits for all of them.
public func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// Waits until `condition` holds, checking every few milliseconds, or fails after `seconds`.
public func waitUntil(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(5_000)
    }
    return try condition()
}
