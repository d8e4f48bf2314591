import EventStore
import Foundation
import Postgres

extension Projector {
    /// Catches up, then follows the log live until `stop()`. Reconnects with backoff when the
    /// database goes away, reporting the outage once through `log`, not once per attempt.
    public func run(conninfo: String, options: [String: String] = [:], log: @escaping @Sendable (String) -> Void) {
        var backoff = Backoff()
        var reportedOutage = false
        while !isStopping {
            do {
                let worker = try PostgresConnection(
                    conninfo: conninfo,
                    options: options.merging(["application_name": "border-project-\(projection.name)"]) { $1 })
                let listener = try PostgresConnection(
                    conninfo: conninfo,
                    options: options.merging(["application_name": "border-project-\(projection.name)-listen"]) { $1 })
                try listener.listen(to: EventStore.channel)
                if reportedOutage { log("database reachable again projection=\(projection.name)") }
                reportedOutage = false
                backoff.reset()
                try follow(worker: worker, listener: listener, log: log)
            } catch {
                if !reportedOutage {
                    log("projection stalled projection=\(projection.name) error=\"\(error)\"; retrying with backoff")
                    reportedOutage = true
                }
                backoff.sleep(unless: { self.isStopping })
            }
        }
    }

    private func follow(worker: PostgresConnection, listener: PostgresConnection, log: (String) -> Void) throws {
        while !isStopping {
            let applied = try runBatch(on: worker)
            if applied > 0 {
                log("applied projection=\(projection.name) events=\(applied) position=\(try checkpoint(on: worker))")
            }
            if applied < configuration.batchSize {
                _ = try listener.waitForNotifications(timeoutMilliseconds: configuration.pollIntervalMilliseconds)
            }
        }
    }
}

/// Exponential backoff from 100 ms to 5 s, sleeping in small steps so a stop is noticed.
struct Backoff {
    private var delayMilliseconds = 100

    mutating func reset() { delayMilliseconds = 100 }

    mutating func sleep(unless stopped: () -> Bool) {
        var slept = 0
        while slept < delayMilliseconds, !stopped() {
            usleep(50_000)
            slept += 50
        }
        delayMilliseconds = min(delayMilliseconds * 2, 5000)
    }
}
