import BorderDomain
import EventStore
import Postgres

/// A page of traveller events gathered into a few statements that go to the server in one
/// pipeline: what a read model applies instead of its events one by one.
protocol EventPage {
    mutating func add(_ event: TravellerEvent, recorded: RecordedEvent)
    /// Sends the page's statements, inside the caller's transaction.
    mutating func write(on connection: PostgresConnection) throws
}

extension Projection {
    /// Adds every traveller event of `events` to `page`, then writes it.
    func apply<Page: EventPage>(_ events: [RecordedEvent], through page: Page, on connection: PostgresConnection)
        throws
    {
        var page = page
        for event in events {
            guard let decoded = try travellerEvent(event) else { continue }
            page.add(decoded, recorded: event)
        }
        try page.write(on: connection)
    }
}
