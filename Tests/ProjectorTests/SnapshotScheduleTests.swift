import Foundation
import Locking
import TestSupport
import Testing

@testable import Projections

@Suite("When a projector takes read-model snapshots")
struct SnapshotScheduleTests {
    @Test func dueOnceTheCheckpointIsEveryEventsPastTheLatestSnapshot() {
        var schedule = SnapshotSchedule(every: 1000, interval: .zero, latest: nil)

        #expect(!schedule.isDue(at: 999))
        #expect(schedule.isDue(at: 1000))
        schedule.attempted()
        schedule.taken(at: 1200)
        #expect(!schedule.isDue(at: 2199))
        #expect(schedule.isDue(at: 2200))
    }

    /// A projector catching up through the log passes `every` events in seconds; it takes one
    /// snapshot an interval, not one each time.
    @Test func aCatchUpTakesNoMoreThanOneSnapshotAnInterval() {
        let start = ContinuousClock.now
        var schedule = SnapshotSchedule(every: 1000, interval: .seconds(3600), latest: nil, now: start)

        #expect(schedule.isDue(at: 5000, now: start))
        schedule.attempted(at: start)
        schedule.taken(at: 5000)
        #expect(!schedule.isDue(at: 900_000, now: start + .seconds(3599)))
        #expect(schedule.isDue(at: 900_000, now: start + .seconds(3600)))
    }

    @Test func theStoredSnapshotsAgeCountsTowardTheInterval() {
        let now = ContinuousClock.now
        let schedule = SnapshotSchedule(
            every: 10, interval: .seconds(3600), latest: (position: 100, age: .seconds(60)), now: now)

        #expect(!schedule.isDue(at: 500, now: now))
        #expect(schedule.isDue(at: 500, now: now + .seconds(3540)))
        #expect(!schedule.isDue(at: 109, now: now + .seconds(3540)))
    }

    @Test func aFailedAttemptIsTriedAgainAfterTheInterval() {
        let start = ContinuousClock.now
        var schedule = SnapshotSchedule(every: 10, interval: .seconds(60), latest: nil, now: start)

        schedule.attempted(at: start)
        #expect(!schedule.isDue(at: 10, now: start + .seconds(59)))
        #expect(schedule.isDue(at: 10, now: start + .seconds(60)))
    }

    @Test func everyZeroTakesNone() {
        let schedule = SnapshotSchedule(every: 0, interval: .zero, latest: nil)

        #expect(!schedule.isDue(at: 1_000_000_000))
    }

    /// The projector keeps following while its snapshot is taken on a connection of its own.
    @Test func aRunningProjectorTakesItsSnapshotsInTheBackground() throws {
        let (database, connection, live) = try ReadModelSnapshotTests.tenCrossings()
        let projector = Projector(
            projection: live,
            configuration: .init(
                batchSize: 2, pollIntervalMilliseconds: 20, snapshotEvery: 4, snapshotInterval: .zero,
                snapshotsKept: 2))
        let lines = Locked<[String]>([])
        Thread {
            projector.run(conninfo: database.conninfo, options: database.options) { line in
                lines.withLock { $0.append(line) }
            }
        }.start()
        defer { projector.stop() }

        #expect(
            try waitUntil(seconds: 20) {
                try projector.checkpoint(on: connection) == 10
                    && !ReadModelSnapshotsKeptTests.kept(on: connection).isEmpty
            })
        #expect(try ReadModelSnapshotsKeptTests.kept(on: connection).count <= 2)
        #expect(
            waitUntil(seconds: 20) {
                lines.withLock { $0.contains { $0.hasPrefix("read-model snapshot taken projection=officer-lookup") } }
            })
    }
}
