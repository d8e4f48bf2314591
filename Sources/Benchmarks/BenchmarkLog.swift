import BorderAPI
import BorderDomain
import BorderTime
import DemoTraffic
import EventStore
import JSON
import Postgres
import Snapshots

/// Realistic traffic for the read-side benchmarks: summit weeks of generated flights
/// (`SummitWeek`), each command decided by the domain (`Traveller.decide`) against the stream's
/// state, as append requests the way `border serve` makes them.
public struct BenchmarkLog {
    private var travellers = [String: Traveller]()
    private var plan: [SummitWeek.Step] = []
    private var step = 0
    private var week = 0
    /// A traveller's state as recorded, for a stream this generator has not written to yet: set
    /// by `fill` on a log that already holds events (the demo's, an earlier fill's), so that
    /// commands are decided against what is recorded, not against an empty stream.
    private var recorded: ((String) throws -> Traveller)?

    static let metadata: JSON = [
        "officer": "bench", "terminal": "APW-desk-1", "port": "APW", "correlationId": "bench",
        "causationId": "bench",
    ]

    /// The next requests, holding at least `events` events together.
    mutating func next(events: Int) throws -> [AppendRequest] {
        var requests = [AppendRequest]()
        var count = 0
        while count < events {
            if step == plan.count { startNextWeek() }
            let request = try decide(plan[step])
            step += 1
            guard let request else { continue }
            requests.append(request)
            count += request.events.count
        }
        return requests
    }

    public init() {}

    /// Appends in batches of 1,000 requests until the log holds at least `events` events.
    public mutating func fill(to events: Int, on connection: PostgresConnection) throws {
        let store = EventStore()
        var have = Int(try store.head(on: connection).position)
        if have > 0 {
            let loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: 0)
            recorded = { try loader.load(stream: $0, on: connection).aggregate }
        }
        while have < events {
            let batch = try next(events: min(5000, events - have))
            for result in store.append(batch, on: connection) { _ = try result.get() }
            have += batch.reduce(0) { $0 + $1.events.count }
        }
    }

    private mutating func startNextWeek() {
        plan =
            SummitWeek(
                firstDay: CivilDay(year: 2024, month: 1, day: 1).adding(days: Int64(week * 7)), days: 7, perDay: 400,
                delegates: 12, seed: 5000 + UInt64(week) * 31
            ).steps
        step = 0
        week += 1
    }

    /// The command decided against the stream; nil when the domain refuses it or decides nothing.
    private mutating func decide(_ step: SummitWeek.Step) throws -> AppendRequest? {
        let stream = StreamName.traveller(issuingState: step.issuingState, documentNumber: step.documentNumber)
        var traveller = try travellers[stream] ?? recorded?(stream) ?? Traveller()
        guard let events = try? traveller.decide(step.command), !events.isEmpty else { return nil }
        let request = AppendRequest(
            stream: stream, expected: traveller.version == 0 ? .noStream : .exactly(traveller.version),
            events: events.map {
                NewEvent(type: $0.type, data: $0.data, metadata: Self.metadata, occurredAt: $0.occurredAt)
            })
        for event in events { traveller.apply(event) }
        travellers[stream] = traveller
        return request
    }
}
