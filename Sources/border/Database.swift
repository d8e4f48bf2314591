import Foundation

/// How every process finds its database: `BORDER_DATABASE_URL` (URI or key=value), else the PG*
/// environment variables, which libpq reads itself when the connection string is empty.
enum Database {
    static var conninfo: String {
        ProcessInfo.processInfo.environment["BORDER_DATABASE_URL"] ?? ""
    }
}
