import EventStore
import Foundation
import Postgres

extension Projector {
    /// Catches up, then follows the log live until `stop()`. On a failure (the database gone, a
    /// gap in the log, an unreadable event) it retries with a backoff that grows to 5 s and
    /// reports the stall once through `log`, and its end once, after a batch succeeds again.
    public func run(conninfo: String, options: [String: String] = [:], log: @escaping @Sendable (String) -> Void) {
        var health = FollowHealth()
        while !isStopping {
            do {
                let name = "border-project-\(projection.name)"
                let connect: @Sendable (String) throws -> PostgresConnection = { suffix in
                    try PostgresConnection(
                        conninfo: conninfo, options: options.merging(["application_name": name + suffix]) { $1 })
                }
                let worker = try connect("")
                let listener = try connect("-listen")
                try listener.listen(to: EventStore.channel)
                defer { try? lease.release(on: worker) }
                guard try takeLease(on: worker, health: &health, log: log) else { continue }
                let connectForSnapshot: @Sendable () throws -> PostgresConnection = { try connect("-snapshot") }
                try follow(worker: worker, listener: listener, health: &health, connect: connectForSnapshot, log: log)
            } catch {
                if !health.stalled {
                    log("projection stalled projection=\(projection.name) error=\"\(error)\"; retrying with backoff")
                    health.stalled = true
                }
                health.backoff.sleep(unless: { self.isStopping })
            }
        }
    }

    /// Waits as a hot standby until the lease is free (checking every second), then takes it.
    /// False when asked to stop first.
    private func takeLease(on worker: PostgresConnection, health: inout FollowHealth, log: (String) -> Void) throws
        -> Bool
    {
        var reportedStandby = false
        while !isStopping {
            if try lease.acquire(on: worker) {
                log("lease taken projection=\(projection.name) holder=\(lease.holder)")
                health.leaseRenewed = ContinuousClock.now
                return true
            }
            if !reportedStandby {
                log("standby projection=\(projection.name): another projector holds the lease")
                reportedStandby = true
            }
            Backoff.pause(milliseconds: 1000, unless: { self.isStopping })
        }
        return false
    }

    private func follow(
        worker: PostgresConnection, listener: PostgresConnection, health: inout FollowHealth,
        connect: @escaping @Sendable () throws -> PostgresConnection, log: @escaping @Sendable (String) -> Void
    ) throws {
        var schedule = try snapshotSchedule(on: worker)
        while !isStopping {
            if ContinuousClock.now - health.leaseRenewed > .seconds(1) {
                guard try lease.acquire(on: worker) else {
                    throw ProjectionError(.leaseLost, "\(projection.name): the lease passed to another projector")
                }
                health.leaseRenewed = ContinuousClock.now
            }
            let before = try checkpoint(on: worker)
            let applied = try runBatch(on: worker, lease: lease)
            snapshotIfDue(&schedule, at: before + Int64(applied), connect: connect, log: log)
            if health.stalled {
                log("projection resumed projection=\(projection.name)")
                health = FollowHealth(leaseRenewed: health.leaseRenewed)
            }
            health.applied += applied
            if health.applied > 0, ContinuousClock.now - health.reported >= FollowHealth.reportEvery {
                let position = try checkpoint(on: worker)
                log("applied projection=\(projection.name) events=\(health.applied) position=\(position)")
                (health.applied, health.reported) = (0, ContinuousClock.now)
            }
            if applied < configuration.batchSize {
                _ = try listener.waitForNotifications(timeoutMilliseconds: configuration.pollIntervalMilliseconds)
            }
        }
    }
}

/// Whether a projector is stalled, and how long it waits before trying again.
struct FollowHealth {
    var stalled = false
    var backoff = Backoff()
    var leaseRenewed = ContinuousClock.now
    /// Events applied since the last "applied" line: one line every `reportEvery` at most, not
    /// one per batch (a projector following live load commits hundreds of batches a second).
    var applied = 0
    var reported = ContinuousClock.now - reportEvery
    static let reportEvery = Duration.seconds(10)
}

/// Exponential backoff from 100 ms to 5 s, sleeping in small steps so a stop is noticed.
struct Backoff {
    private var delayMilliseconds = 100

    static func pause(milliseconds: Int, unless stopped: () -> Bool) {
        var slept = 0
        while slept < milliseconds, !stopped() {
            usleep(50_000)
            slept += 50
        }
    }

    mutating func sleep(unless stopped: () -> Bool) {
        var slept = 0
        while slept < delayMilliseconds, !stopped() {
            usleep(50_000)
            slept += 50
        }
        delayMilliseconds = min(delayMilliseconds * 2, 5000)
    }
}
