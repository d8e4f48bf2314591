import Foundation
import Postgres

extension ScratchBuild {
    /// What `replace` did: the position readers switched at, and whether the retired version was
    /// left in place for the next build to drop.
    public struct Switched: Sendable {
        public let position: Int64
        public let retiredLeft: Bool
    }

    /// Puts this build in the place of `live`: under the live checkpoint's lock (a running
    /// projector waits), brings the build at least up to the live checkpoint (it may already be
    /// past it: readers then move forward, never back), then swaps the schemas in one
    /// transaction. Readers switch at that commit; prepared queries re-resolve by name, and the
    /// live projector carries on from the new checkpoint. Then drops the retired version.
    public func replace(_ live: any Projection, on connection: PostgresConnection, building builder: PostgresConnection)
        throws -> Switched
    {
        let retired = "\(live.schema)_retired_\(UUID().uuidString.lowercased().prefix(8))"
        var build = self
        for attempt in 1...Self.switchAttempts {
            // Catch up outside the lock first: rows the build commits while readers may already
            // hold a snapshot are then the exception (only on the last attempt, under heavy load).
            let current = try connection.query("SELECT position FROM \(live.schema).checkpoint")[0].int64(0)
            if current > build.applied { build = try build.extend(upTo: current, on: builder) }
            let switched = try connection.withTransaction(context: "switch \(live.name)") { connection in
                try build.switchIfCaughtUp(
                    live, retired: retired, lastAttempt: attempt == Self.switchAttempts,
                    on: connection, building: builder)
            }
            if let switched {
                return Switched(position: switched, retiredLeft: !dropRetired(retired, name: live.name, on: connection))
            }
        }
        throw ProjectionError(.database, "\(live.name): the rebuild could not catch up with the live read model")
    }

    static let switchAttempts = 5

    /// Inside the switch transaction: under the live checkpoint's lock, swaps the schemas when the
    /// build has every event the live read model has (catching up here only on the last attempt);
    /// nil when it is behind, to try again after catching up outside the lock.
    private func switchIfCaughtUp(
        _ live: any Projection, retired: String, lastAttempt: Bool, on connection: PostgresConnection,
        building builder: PostgresConnection
    ) throws -> Int64? {
        let rows = try connection.query("SELECT position FROM \(live.schema).checkpoint FOR UPDATE")
        let livePosition = try rows[0].int64(0)
        guard livePosition <= applied || lastAttempt else { return nil }
        let caughtUp = livePosition > applied ? try extend(upTo: livePosition, on: builder) : self
        guard caughtUp.applied >= livePosition else {
            throw ProjectionError(
                .database, "\(live.name): the rebuild reached \(caughtUp.applied), not \(livePosition)")
        }
        // The retired checkpoint is set to -1 so that a projector waiting on its lock sees it
        // changed and starts its batch again, on the new read model.
        // The running projector's lease moves with the read model, so it carries on as owner.
        try connection.execute(
            """
            UPDATE \(projection.schema).lease AS next SET holder = old.holder, expires_at = old.expires_at
            FROM \(live.schema).lease AS old;
            UPDATE \(live.schema).checkpoint SET position = -1;
            COMMENT ON SCHEMA \(projection.schema) IS NULL;
            ALTER SCHEMA \(live.schema) RENAME TO \(retired);
            ALTER SCHEMA \(projection.schema) RENAME TO \(live.schema)
            """, context: "switch \(live.name)")
        return caughtUp.applied
    }

    /// Drops the retired read model; false when it could not, leaving it for the next build
    /// (`dropAbandoned`): the drop waits for readers still in it, and a Ctrl-C cancels that wait.
    /// A projector that was waiting on it may still hold a lock on its tables for a moment and
    /// deadlock with the drop; the drop then simply tries again.
    private func dropRetired(_ retired: String, name: String, on connection: PostgresConnection) -> Bool {
        for attempt in 1...10 {
            do {
                try connection.execute("DROP SCHEMA IF EXISTS \(retired) CASCADE", context: "drop retired \(name)")
                return true
            } catch {
                guard error.sqlState == PostgresError.State.deadlockDetected, attempt < 10 else { return false }
                usleep(UInt32(50_000 * attempt))
            }
        }
        return false
    }
}
