import BorderDomain
import BorderTime
import EventStore
import Foundation
import JSON
import Postgres
import Projections
import Snapshots

/// The overstay watch: finds travellers in the country past the day they were authorised to
/// stay until, and appends `OverstayFlagged` (source `watcher`); appends `OverstayCleared` once
/// a flagged traveller has departed or been authorised again.
///
/// Exactly once per traveller and period, across restarts and with two watchers running: each
/// append carries an idempotency key made of the stream and the authorised day (for a flag) or
/// the stream version it was decided on (for a clearance), and the expected stream version.
public struct OverstayWatch: Sendable {
    public struct Pass: Sendable, Equatable {
        public var flagged = 0
        public var cleared = 0
        public var looked = 0
    }

    let store = EventStore()
    let lookup: OfficerLookup
    let loader: AggregateLoader<Traveller>
    let rules: EntryRules
    let host = ProcessInfo.processInfo.hostName

    public init(lookup: OfficerLookup = OfficerLookup(), rules: EntryRules = EntryRules()) {
        self.lookup = lookup
        self.rules = rules
        loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: 20)
    }

    /// One look at every candidate the officer lookup names for `today`, `pageSize` of each
    /// kind at a time; it ends early, between two candidates, once `stopping` says so (each
    /// decision is a transaction of its own, so what was decided stands).
    public func pass(
        today: CivilDay, now: Timestamp = .now(), pageSize: Int = 1000, on connection: PostgresConnection,
        stopping: () -> Bool = { false }
    ) throws -> Pass {
        var pass = Pass()
        var cursor: OfficerLookup.CandidateCursor? = OfficerLookup.CandidateCursor()
        while let after = cursor {
            let page = try lookup.overstayCandidates(on: today, after: after, limit: pageSize, on: connection)
            for stream in page.streams {
                guard !stopping() else { return pass }
                pass.looked += 1
                switch try decide(stream: stream, today: today, now: now, on: connection) {
                case .flagged?: pass.flagged += 1
                case .cleared?: pass.cleared += 1
                case nil: break
                }
            }
            cursor = page.next
        }
        return pass
    }

    enum Outcome { case flagged, cleared }

    /// What to append, under which idempotency key: a flag, a clearance, or nothing.
    private func plan(_ traveller: Traveller, version: Int64, stream: String, today: CivilDay, now: Timestamp)
        -> (TravellerCommand, String, Outcome)?
    {
        if traveller.overstayDue(on: today, rules: rules), let until = traveller.authorisedUntil(rules: rules) {
            let reason = "authorised until \(until); no departure or extension on record"
            return (
                .flagOverstay(reason: reason, source: "watcher", at: now), "overstay-watch:flag:\(stream):\(until)",
                .flagged
            )
        }
        if traveller.overstayResolved(on: today, rules: rules) {
            let reason = traveller.isInCountry ? "authorised again" : "no longer in the country on record"
            return (.clearOverstay(reason: reason, at: now), "overstay-watch:clear:\(stream):\(version)", .cleared)
        }
        return nil
    }

    private func decide(stream: String, today: CivilDay, now: Timestamp, on connection: PostgresConnection) throws
        -> Outcome?
    {
        let (traveller, version) = try loader.load(stream: stream, on: connection)
        guard let planned = plan(traveller, version: version, stream: stream, today: today, now: now) else {
            return nil
        }
        let (command, key, outcome) = planned
        let events = try traveller.decide(command, rules: rules)
        let metadata: JSON = [
            "actor": "overstay-watch", "role": "watcher", "terminal": .string(host), "port": .null,
            "correlationId": .string(key), "causationId": .string(key),
        ]
        let request = AppendRequest(
            stream: stream, expected: version == 0 ? .noStream : .exactly(version),
            events: events.map {
                NewEvent(type: $0.type, data: $0.data, metadata: metadata, occurredAt: $0.occurredAt)
            },
            command: CommandKey(id: key, requestHash: SHA256.hash(Array(key.utf8))))
        let result: AppendResult
        do {
            result = try store.append(request, on: connection)
        } catch {
            guard error.code == .conflict else { throw error }
            return nil  // another writer got there first; the next pass decides again
        }
        return result.replayed ? nil : outcome
    }
}
