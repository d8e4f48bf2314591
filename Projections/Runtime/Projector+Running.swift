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
                let worker = try PostgresConnection(
                    conninfo: conninfo,
                    options: options.merging(["application_name": "border-project-\(projection.name)"]) { $1 })
                let listener = try PostgresConnection(
                    conninfo: conninfo,
                    options: options.merging(["application_name": "border-project-\(projection.name)-listen"]) { $1 })
                try listener.listen(to: EventStore.channel)
                try follow(worker: worker, listener: listener, health: &health, log: log)
            } catch {
                if !health.stalled {
                    log("projection stalled projection=\(projection.name) error=\"\(error)\"; retrying with backoff")
                    health.stalled = true
                }
                health.backoff.sleep(unless: { self.isStopping })
            }
        }
    }

    private func follow(
        worker: PostgresConnection, listener: PostgresConnection, health: inout FollowHealth, log: (String) -> Void
    ) throws {
        while !isStopping {
            let applied = try runBatch(on: worker)
            if health.stalled {
                log("projection resumed projection=\(projection.name)")
                health = FollowHealth()
            }
            if applied > 0 {
                log("applied projection=\(projection.name) events=\(applied) position=\(try checkpoint(on: worker))")
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
}

/// Exponential backoff from 100 ms to 5 s, sleeping in small steps so a stop is noticed.
struct Backoff {
    private var delayMilliseconds = 100

    mutating func sleep(unless stopped: () -> Bool) {
        var slept = 0
        while slept < delayMilliseconds, !stopped() {
            usleep(50_000)
            slept += 50
        }
        delayMilliseconds = min(delayMilliseconds * 2, 5000)
    }
}
