import Foundation
import HTTPClient
import JSON
import Locking
import Postgres
import TestSupport
import Testing

/// `border project officer-lookup --rebuild` while officers keep looking travellers up: no lookup
/// fails, none sees an empty or partial read model, and the rebuilt one answers the same.
@Suite("Rebuilding without downtime", .serialized)
struct RebuildUnderLoadTests {
    @Test func lookupsKeepAnsweringThroughARebuild() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        // A day of other traffic first, so that the rebuild takes a while.
        try ProjectorKillTests.appendDay(2000, on: try PostgresConnection(conninfo: system.ownerURL))
        let numbers = (0..<40).map { "PA\(String(format: "%07d", $0))" }
        for number in numbers {
            let arrival = OverstayWatchTests.crossing("AUS", number, at: "2024-10-21T09:00:00Z")
            #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
        }
        #expect(try OverstayWatchTests.caughtUp(system))
        let client: HTTPClient = system.client
        let stop = Locked(false)
        let answers = Locked([String: Int]())
        let done = Locked(false)

        let lookups = Thread {
            runOnThreads(4) { thread in
                var index = thread
                while !stop.withLock({ $0 }) {
                    let response = try? client.request(
                        "GET", "/v1/travellers?document=\(numbers[index % numbers.count])")
                    let body = response.flatMap { try? JSON.parse($0.body) }
                    let whole = body?["crossings"]?.arrayValue?.count == 1 && body?["permits"]?.arrayValue?.count == 1
                    let outcome = response?.status == 200 && whole ? "whole" : "status \(response?.status ?? 0)"
                    answers.withLock { $0[outcome, default: 0] += 1 }
                    index += 4
                }
            }
            done.withLock { $0 = true }
        }
        lookups.start()
        let rebuilt = try system.run(["project", "officer-lookup", "--rebuild"], as: system.ownerURL)
        usleep(300_000)
        stop.withLock { $0 = true }
        #expect(waitUntil(seconds: 30) { done.withLock { $0 } })

        let seen = answers.withLock { $0 }
        #expect(Array(seen.keys) == ["whole"], "\(seen)")
        #expect((seen["whole"] ?? 0) > 20)
        #expect(!rebuilt.isEmpty)
    }

    /// Newcomer review: Ctrl-C while a rebuild waited for the live checkpoint's lock to switch
    /// was noted but not acted on: the rebuild switched once the lock was freed. The signal now
    /// cancels the wait, and the rebuild leaves the live read model as it was.
    @Test func aRebuildWaitingToSwitchStopsOnCtrlC() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        try Self.recordOneArrival(system)
        let holder = try PostgresConnection(conninfo: system.ownerURL)
        try holder.execute("BEGIN; SELECT position FROM officer_lookup.checkpoint FOR SHARE")
        let errors = Pipe()
        let rebuild = try system.start(["project", "officer-lookup", "--rebuild"], errors: errors, as: system.ownerURL)
        // Another connection: inside the holder's transaction, pg_stat_activity stays as it was first read.
        let watcher = try PostgresConnection(conninfo: system.ownerURL)
        let waiting = try waitUntil(seconds: 30) {
            try watcher.query(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%officer_lookup.checkpoint FOR UPDATE%'
                    AND application_name = ''
                """)[0].int64(0) == 1
        }
        #expect(waiting)

        kill(rebuild.processIdentifier, SIGINT)
        let stopped = waitUntil(seconds: 20) { !rebuild.isRunning }
        try holder.execute("COMMIT")
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        rebuild.waitUntilExit()

        #expect(stopped, "the rebuild went on waiting for the lock")
        #expect(rebuild.terminationStatus == 1, "\(log)")
        #expect(log.contains("interrupted; nothing was changed"), "\(log)")
        let schemas = try watcher.query(
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'scratch\\_%' OR nspname LIKE '%\\_retired\\_%'")
        #expect(try schemas[0].int64(0) == 0)
        #expect(try system.client.request("GET", "/v1/travellers?document=PA0000001").status == 200)
    }

    /// Second newcomer review: Ctrl-C while a rebuild, already switched, waited for a reader to
    /// leave the retired version said "nothing was changed", and the retired schema stayed for
    /// good. The rebuild now says it switched, and the next build drops the old version.
    @Test func aRebuildInterruptedAfterItsSwitchSaysSoAndTheNextBuildDropsTheOldVersion() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        try Self.recordOneArrival(system)
        let reader = try PostgresConnection(conninfo: system.ownerURL)
        try reader.execute("BEGIN; SELECT count(*) FROM officer_lookup.travellers")
        let (errors, output) = (Pipe(), Pipe())
        let rebuild = try system.start(
            ["project", "officer-lookup", "--rebuild"], errors: errors, output: output, as: system.ownerURL)
        let watcher = try PostgresConnection(conninfo: system.ownerURL)
        let retired = "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'officer\\_lookup\\_retired\\_%'"
        let dropping = try waitUntil(seconds: 30) {
            try watcher.query(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'DROP SCHEMA IF EXISTS officer_lookup_retired_%'
                """)[0].int64(0) == 1
        }
        #expect(dropping)

        kill(rebuild.processIdentifier, SIGINT)
        let stopped = waitUntil(seconds: 20) { !rebuild.isRunning }
        let left = try watcher.query(retired)[0].int64(0)
        try reader.execute("COMMIT")
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        rebuild.waitUntilExit()

        #expect(stopped)
        #expect(rebuild.terminationStatus == 0, "\(log)")
        #expect(said.contains("switched at position 2 (the old version is left for the next build to drop)"), "\(said)")
        #expect(left == 1)
        _ = try system.run(["project", "officer-lookup", "--verify"], as: system.ownerURL)
        #expect(try watcher.query(retired)[0].int64(0) == 0)
        #expect(try system.client.request("GET", "/v1/travellers?document=PA0000001").status == 200)
    }

    /// Records an arrival (document PA0000001) and waits until the officer lookup has it.
    static func recordOneArrival(_ system: RunningSystem) throws {
        let arrival = OverstayWatchTests.crossing("AUS", "PA0000001", at: "2024-10-21T09:00:00Z")
        #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
        #expect(try OverstayWatchTests.caughtUp(system))
    }
}
