import BorderAPI
import BorderTime
import Foundation
import HTTPClient
import JSON
import Locking
import Postgres
import TestSupport
import Testing

/// `border watch overstays` against the real system: flags each traveller past the authorised day
/// exactly once, with two watchers racing, and clears the flag after an extension or a departure.
@Suite("The overstay watch", .serialized)
struct OverstayWatchTests {
    static func crossing(_ state: String, _ number: String, at time: String) -> String {
        JSON.object([
            "document": SummitDayTests.document(state, number, name: "TRAVELLER"), "port": "APW",
            "occurredAt": .string(time), "flight": "NZ990",
        ]).serializedString()
    }

    /// The watch's day: after the visitor permits of 21 October 2024 (60 days) ran out.
    static let today = "2025-01-10"

    /// Waits until the officer lookup has applied everything in the log.
    static func caughtUp(_ system: RunningSystem) throws -> Bool {
        try waitUntil(seconds: 20) {
            let health = try JSON.parse(try system.client.request("GET", "/health").body)
            return health["projections"]?["officer-lookup"]?["lag"] == 0
        }
    }

    static func flags(_ system: RunningSystem) throws -> Int64 {
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        return try owner.query("SELECT count(*) FROM events WHERE type = 'OverstayFlagged'")[0].int64(0)
    }

    @Test func flagsOnceWithTwoWatchersAndClearsAfterExtensionOrDeparture() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        let officer: HTTPClient = system.client
        for (state, number) in [("AUS", "PA0000001"), ("WSM", "WS0000002"), ("NZL", "NZ0000003"), ("FJI", "FJ0000004")]
        {
            #expect(
                try officer.post("/v1/arrivals", json: Self.crossing(state, number, at: "2024-10-21T09:00:00Z")).status
                    == 201)
        }
        #expect(
            try officer.post("/v1/departures", json: Self.crossing("FJI", "FJ0000004", at: "2024-11-01T09:00:00Z"))
                .status == 201)
        #expect(try Self.caughtUp(system))

        let outputs = Locked([String]())
        runOnThreads(2) { _ in
            let output = (try? system.run(["watch", "overstays", "--once", "--today", Self.today])) ?? "failed"
            outputs.withLock { $0.append(output) }
        }

        // AUS and NZL stayed past their 60-day visitor permits; WSM is a citizen; FJI left in time.
        #expect(try Self.flags(system) == 2)
        #expect(outputs.withLock { $0.allSatisfy { $0.hasPrefix("flagged") } })
        #expect(try Self.caughtUp(system))
        #expect(
            try system.run(["watch", "overstays", "--once", "--today", Self.today])
                == "flagged 0, cleared 0 of 0 looked at\n")

        let visaOffice = system.client(token: try system.token(role: "visa-officer"))
        let extend = JSON.object([
            "document": SummitDayTests.reference("AUS", "PA0000001"), "permitId": "permit-2",
            "validUntil": "2025-02-18",
        ])
        #expect(try visaOffice.post("/v1/permits/extensions", json: extend.serializedString()).status == 201)
        #expect(
            try officer.post("/v1/departures", json: Self.crossing("NZL", "NZ0000003", at: "2025-01-08T09:00:00Z"))
                .status == 201)
        #expect(try Self.caughtUp(system))

        #expect(
            try system.run(["watch", "overstays", "--once", "--today", Self.today])
                == "flagged 0, cleared 2 of 2 looked at\n")
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        let reasons = try owner.query(
            """
            SELECT data->>'reason', metadata->>'role' FROM events WHERE type = 'OverstayCleared' ORDER BY position
            """
        ).map { "\(try $0.string(0)) by \(try $0.string(1))" }
        #expect(reasons.sorted() == ["authorised again by watcher", "no longer in the country on record by watcher"])
    }

    /// Newcomer review of issue 4: SIGTERM killed the watch by the signal's default action
    /// (status 143, no last log line); it now stops between passes and says so.
    @Test(arguments: [SIGTERM, SIGINT])
    func aWatchStopsCleanlyOnASignal(signal: Int32) throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let errors = Pipe()
        let watch = try system.start(["watch", "overstays", "--every", "60"], errors: errors)
        var log = ""
        while !log.contains("overstay watch starting") {
            let chunk = errors.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            log += String(decoding: chunk, as: UTF8.self)
        }

        kill(watch.processIdentifier, signal)
        log += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        watch.waitUntilExit()

        #expect(watch.terminationReason == .exit)
        #expect(watch.terminationStatus == 0, "\(log)")
        #expect(log.contains("overstay watch stopped"))
    }

    /// Newcomer review of issue 4: a pass looked at the first 1,000 candidates only, so a backlog
    /// of 17,478 took a pass a minute for 18 minutes. A pass now pages through all of them.
    @Test func onePassReachesEveryCandidatePageByPage() throws {
        let system = try RunningSystem()
        defer { system.stop() }
        for index in 1...5 {
            let arrival = Self.crossing("AUS", "PA000010\(index)", at: "2024-10-21T09:00:00Z")
            #expect(try system.client.post("/v1/arrivals", json: arrival).status == 201)
        }
        #expect(try Self.caughtUp(system))
        let connection = try PostgresConnection(conninfo: system.appURL)

        let today = CivilDay(iso: Self.today)!
        var asked = 0
        let stopped = try OverstayWatch().pass(today: today, pageSize: 2, on: connection) {
            asked += 1
            return asked > 2
        }
        let pass = try OverstayWatch().pass(today: today, pageSize: 2, on: connection)

        #expect(stopped.looked == 2, "a pass told to stop ends between two candidates")
        #expect(stopped.flagged == 2)
        #expect(pass.flagged == 3)
        #expect(pass.cleared == 0)
        #expect(try Self.flags(system) == 5)
    }
}
