import BorderDomain
import EventStore
import Postgres

/// A page of traveller events gathered into a few statements that go to the server in one
/// pipeline: what a read model applies instead of its events one by one. A page reads nothing
/// from the database, so its statements can be made away from the connection that runs them
/// (`PageReader` makes them ahead, while the previous page is written).
protocol EventPage {
    mutating func add(_ event: TravellerEvent, recorded: RecordedEvent)
    /// The page's statements, to run in one pipeline inside the caller's transaction; none for
    /// a page that changes nothing.
    mutating func statements() -> [PostgresConnection.Statement]
}

extension Projection {
    /// Adds every traveller event of `events` to `page`, then writes it.
    func apply<Page: EventPage>(_ events: [RecordedEvent], through page: Page, on connection: PostgresConnection)
        throws
    {
        let statements = try statements(for: events, through: page)
        guard !statements.isEmpty else { return }
        try connection.pipeline(statements, context: "apply a page of \(name)")
    }

    /// The statements of `page` once every traveller event of `events` is added to it.
    func statements<Page: EventPage>(for events: [RecordedEvent], through page: Page) throws
        -> [PostgresConnection.Statement]
    {
        var page = page
        for event in events {
            guard let decoded = try travellerEvent(event) else { continue }
            page.add(decoded, recorded: event)
        }
        return page.statements()
    }
}
