import BorderDomain
import BorderTime
import EventStore
import Postgres
import Projections
import TestSupport

/// A statistics read model in a test schema of its own, and a desk that records what officers
/// do through the domain (`Traveller.decide`) and appends it as `border serve` would.
struct StatisticsDesk {
    let database: TestDatabase
    let connection: PostgresConnection
    let statistics: Statistics
    private var travellers = [String: Traveller]()

    init() throws {
        database = try TestDatabase(prefix: "stats")
        connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        statistics = Statistics(schema: "\(database.schema)_statistics")
        try Migrator().migrate(try statistics.migrations(), on: connection)
    }

    static func document(_ number: String, nationality: String = "NZL") -> DocumentFacts {
        DocumentFacts(
            format: "td3", documentCode: "P", issuingState: nationality, documentNumber: number,
            nationality: nationality, primaryIdentifier: "STAT", secondaryIdentifiers: ["TEST"],
            dateOfBirth: "1980-01-01", sex: "female", dateOfExpiry: "2034-01-01")
    }

    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    /// Records a crossing; returns the stream version of its event.
    @discardableResult
    mutating func cross(
        _ direction: Crossing.Direction, _ document: DocumentFacts, at occurred: String, port: String = "APW",
        purpose: Purpose? = .holiday
    ) throws -> Int64 {
        let crossing = Crossing(
            direction: direction, document: document, port: port, purpose: purpose, occurredAt: Self.at(occurred))
        let stream = "traveller-\(document.issuingState)-\(document.documentNumber)"
        let version = (travellers[stream]?.version ?? 0) + 1
        try decide(.recordCrossing(crossing), stream: stream)
        return version
    }

    mutating func decide(_ command: TravellerCommand, on document: DocumentFacts) throws {
        try decide(command, stream: "traveller-\(document.issuingState)-\(document.documentNumber)")
    }

    private mutating func decide(_ command: TravellerCommand, stream: String) throws {
        var traveller = travellers[stream] ?? Traveller()
        let events = try traveller.decide(command)
        _ = try EventStore().append(
            AppendRequest(
                stream: stream, expected: traveller.version == 0 ? .noStream : .exactly(traveller.version),
                events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }),
            on: connection)
        for event in events { traveller.apply(event) }
        travellers[stream] = traveller
    }

    /// Applies everything appended so far.
    func project() throws {
        while try Projector(projection: statistics).runBatch(on: connection) > 0 {}
    }

    /// Crossings in October and November 2024, grouped by `groupBy`, as `[dimensions..., count]`.
    func crossings(_ groupBy: [String], from: String = "2024-10-01", to: String = "2024-11-30") throws
        -> [[String]]
    {
        try project()
        let report = try statistics.crossings(
            from: CivilDay(iso: from)!, to: CivilDay(iso: to)!, groupBy: groupBy, on: connection)
        return report.rows.map { $0.map { $0.stringValue ?? $0.intValue.map(String.init) ?? "?" } }
    }
}
