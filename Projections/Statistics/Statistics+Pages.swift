import BorderDomain
import EventStore
import Postgres

extension Statistics {
    /// Applies a page of events. Runs of events that read nothing back (crossings, grants,
    /// refusals, overstay flags) go as a few set-based statements in one pipeline
    /// (`StatisticsPage`); a correction, void, extension or cancellation ends the run and is
    /// applied on its own after it. Accreditations count nothing here.
    public func apply(_ events: [RecordedEvent], on connection: PostgresConnection) throws {
        let decoded = try events.compactMap { event in try travellerEvent(event).map { (event, $0) } }
        let gathered = decoded.filter { StatisticsPage.gathers($0.1) }.map(\.0)
        let travellers = try travellerKeys(of: gathered, on: connection)
        var page = StatisticsPage(schema: schema)
        for (event, decodedEvent) in decoded where !Self.countsNothing(decodedEvent) {
            guard StatisticsPage.gathers(decodedEvent), let traveller = travellers[event.stream] else {
                try write(&page, on: connection)
                try apply(event, on: connection)
                continue
            }
            page.add(decodedEvent, at: event.position, traveller: traveller)
        }
        try write(&page, on: connection)
    }

    private func write(_ page: inout StatisticsPage, on connection: PostgresConnection) throws {
        guard !page.isEmpty else { return }
        try connection.pipeline(page.statements, context: "apply statistics page")
        page = StatisticsPage(schema: schema)
    }

    private static func countsNothing(_ event: TravellerEvent) -> Bool {
        switch event {
        case .delegateAccredited, .accreditationRevoked: true
        default: false
        }
    }

    /// The traveller key (the log position of the stream's first event) of each stream of
    /// `events`, in one query for the streams whose first event is not among them.
    private func travellerKeys(of events: [RecordedEvent], on connection: PostgresConnection) throws
        -> [String: Int64]
    {
        var keys = [String: Int64]()
        for event in events where event.version == 1 { keys[event.stream] = event.position }
        let missing = Array(Set(events.map(\.stream)).subtracting(keys.keys))
        guard !missing.isEmpty else { return keys }
        let rows = try connection.query(
            "SELECT stream, position FROM events WHERE version = 1 AND stream = ANY($1::text[])",
            [PostgresArray.literal(missing)], context: "find travellers' first events")
        for row in rows { keys[try row.string(0)] = try row.int64(1) }
        if let stream = missing.first(where: { keys[$0] == nil }),
            let event = events.first(where: { $0.stream == stream })
        {
            throw ProjectionError(.gapInLog, "\(name): the first event of the stream at \(event.position) is missing")
        }
        return keys
    }
}
