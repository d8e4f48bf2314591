import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import Foundation
import JSON
import Postgres
import Projections
import TestSupport
import Testing

@Suite("The officer lookup projector survives SIGKILL", .serialized)
struct ProjectorKillTests {
    /// Appends `count` crossings of a generated day straight to the store, as serve would.
    static func appendDay(_ count: Int, on connection: PostgresConnection) throws {
        let plan = DemoDay(
            day: CivilDay(year: 2024, month: 10, day: 20), arrivals: count / 2, departures: count / 4, seed: 5)
        let store = EventStore()
        var travellers = [String: Traveller]()
        for movement in plan.earlierArrivals + plan.movements {
            let reference = CalendarDate(year: 2024, month: 10, day: 20)!
            let document = try MRZ.parse(movement.traveller.mrz, relativeTo: reference)
            let facts = DocumentFacts(document)
            let crossing = Crossing(
                direction: movement.direction == "arrival" ? .arrival : .departure, document: facts, port: "APW",
                flight: movement.flight, occurredAt: movement.occurredAt)
            let stream = "traveller-\(document.issuingState)-\(document.documentNumber)"
            var traveller = travellers[stream] ?? Traveller()
            let events = try traveller.decide(.recordCrossing(crossing))
            _ = try store.append(
                AppendRequest(
                    stream: stream, expected: traveller.version == 0 ? .noStream : .exactly(traveller.version),
                    events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }),
                on: connection)
            for event in events { traveller.apply(event) }
            travellers[stream] = traveller
        }
    }

    static func checksum(schema: String, on connection: PostgresConnection) throws -> String {
        let rows = try connection.query(
            """
            SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY stream), '')) FROM \(schema).travellers t),
                (SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY position), '')) FROM \(schema).crossings c),
                (SELECT count(*) FROM \(schema).crossings)
            """)
        return "\(try rows[0].string(0))/\(try rows[0].string(1))/\(try rows[0].string(2))"
    }

    @Test func killedAtRandomMomentsThenRestartedEndsWithStateOfFreshRebuild() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        try Self.appendDay(2400, on: owner)
        let head = try EventStore().head(on: owner).position
        var generator = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))

        for _ in 0..<6 {
            try system.startProjector()
            usleep(UInt32.random(in: 50_000...600_000, using: &generator))
            kill(system.projector!.processIdentifier, SIGKILL)
            system.projector!.waitUntilExit()
        }
        try system.startProjector()
        let caughtUp = try waitUntil(seconds: 60) {
            try owner.query("SELECT position FROM officer_lookup.checkpoint")[0].int64(0) == head
        }

        #expect(caughtUp)
        let verify = OfficerLookup(schema: "officer_lookup_verify")
        try Migrator().migrate(try verify.migrations(), on: owner)
        while try Projector(projection: verify).runBatch(on: owner) > 0 {}
        #expect(
            try Self.checksum(schema: "officer_lookup", on: owner) == Self.checksum(schema: verify.schema, on: owner))
        let permits = try owner.query("SELECT count(*) FROM officer_lookup.permits")[0].int64(0)
        #expect(permits > 0)
        #expect(try owner.query("SELECT count(*) FROM officer_lookup.crossings")[0].int64(0) + permits == head)
    }

    /// Two projectors race for the lease while one or the other is killed at random moments; the
    /// survivor's read model equals a rebuild (`border project officer-lookup --verify`).
    @Test func twoInstancesRacingAndKilledEndWithStateOfFreshRebuild() throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }
        let owner = try PostgresConnection(conninfo: system.ownerURL)
        try Self.appendDay(2400, on: owner)
        let head = try EventStore().head(on: owner).position
        var generator = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))

        var running = [try system.startStandbyProjector(), try system.startStandbyProjector()]
        for _ in 0..<6 {
            usleep(UInt32.random(in: 100_000...900_000, using: &generator))
            let victim = Int.random(in: 0..<2, using: &generator)
            kill(running[victim].processIdentifier, SIGKILL)
            running[victim].waitUntilExit()
            running[victim] = try system.startStandbyProjector()
        }
        let caughtUp = try waitUntil(seconds: 90) {
            try owner.query("SELECT position FROM officer_lookup.checkpoint")[0].int64(0) == head
        }

        #expect(caughtUp)
        let verified = try system.run(["project", "officer-lookup", "--verify"], as: system.ownerURL)
        #expect(verified.contains("OK: officer-lookup equals a rebuild from the log up to position \(head)"))
    }
}
