import Foundation
import Postgres

/// The lease on a read model: one live owner at a time. A projector takes it when it is free or
/// expired, renews it while it works, and checks it inside every batch, so that an owner that
/// lost it (paused for longer than the lease) stops before applying anything more.
public struct Lease: Sendable {
    let schema: String
    public let holder: String
    let seconds: Int

    /// "host:pid": who holds the lease, as operators read it in `border status`.
    static func holderName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
    }

    /// Takes or renews the lease; false when another live owner holds it.
    func acquire(on connection: PostgresConnection) throws -> Bool {
        let rows = try connection.query(
            """
            UPDATE \(schema).lease SET holder = $1, expires_at = clock_timestamp() + $2::int * INTERVAL '1 second'
            WHERE holder = $1 OR holder IS NULL OR expires_at < clock_timestamp()
            RETURNING 1
            """, [holder, String(seconds)], context: "take lease")
        return !rows.isEmpty
    }

    /// Inside a batch's transaction: whether this projector still holds an unexpired lease.
    func isHeld(on connection: PostgresConnection) throws -> Bool {
        let rows = try connection.query(
            "SELECT holder = $1 AND expires_at > clock_timestamp() FROM \(schema).lease FOR SHARE", [holder],
            context: "check lease")
        return try rows.first?.bool(0) ?? false
    }

    /// Gives the lease up at a clean stop, so a standby need not wait for it to expire.
    func release(on connection: PostgresConnection) throws {
        try connection.query(
            "UPDATE \(schema).lease SET holder = NULL, expires_at = '-infinity' WHERE holder = $1", [holder],
            context: "release lease")
    }
}
