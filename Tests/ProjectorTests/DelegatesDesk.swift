import BorderDomain
import BorderTime
import EventStore
import JSON
import Postgres
import Projections
import TestSupport

/// A summit delegates read model in a test schema of its own, and the desks that accredit
/// delegates and record their crossings through the domain, appending as `border serve` would.
struct DelegatesDesk {
    let database: TestDatabase
    let connection: PostgresConnection
    let delegates: Delegates
    private var records = [String: Traveller]()

    init() throws {
        database = try TestDatabase(prefix: "dlg")
        connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        delegates = Delegates(schema: "\(database.schema)_delegates")
        try Migrator().migrate(try delegates.migrations(), on: connection)
    }

    static func passport(_ number: String, state: String = "GBR", surname: String = "SMITH") -> DocumentFacts {
        DocumentFacts(
            format: "td3", documentCode: "P", issuingState: state, documentNumber: number, nationality: state,
            primaryIdentifier: surname, secondaryIdentifiers: ["JO"], dateOfBirth: "1970-01-01", sex: "female",
            dateOfExpiry: "2034-01-01")
    }

    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    /// Accredits the passport's holder to CHOGM2024 from 18 to 27 October 2024; the expected
    /// holder is the passport's own unless `expectedSurname` says otherwise.
    mutating func accredit(
        _ id: String, _ passport: DocumentFacts, delegation: String? = nil, expectedSurname: String? = nil
    ) throws {
        let holder = Accreditation.Holder(
            primaryIdentifier: expectedSurname ?? passport.primaryIdentifier, secondaryIdentifiers: ["JO"],
            nationality: passport.nationality, dateOfBirth: passport.dateOfBirth)
        let accreditation = Accreditation(
            id: id, summit: "CHOGM2024", delegation: delegation ?? passport.nationality, role: .delegate,
            validFrom: CivilDay(year: 2024, month: 10, day: 18), validUntil: CivilDay(year: 2024, month: 10, day: 27),
            holder: holder)
        try decide(.accredit(accreditation, at: Self.at("2024-10-01T09:00:00Z")), for: passport)
    }

    /// Records a crossing at Faleolo; returns the stream version of its event.
    @discardableResult
    mutating func cross(_ direction: Crossing.Direction, _ passport: DocumentFacts, at occurred: String) throws
        -> Int64
    {
        let crossing = Crossing(
            direction: direction, document: passport, port: "APW", carrier: "NZ", flight: "NZ990",
            purpose: .official, occurredAt: Self.at(occurred))
        return try decide(.recordCrossing(crossing), for: passport)
    }

    /// Appends what the domain decides; returns the stream version of the first event.
    @discardableResult
    mutating func decide(_ command: TravellerCommand, for passport: DocumentFacts) throws -> Int64 {
        let stream = "traveller-\(passport.issuingState)-\(passport.documentNumber)"
        var record = records[stream] ?? Traveller()
        let decided = try record.decide(command)
        let expected: ExpectedVersion = record.version == 0 ? .noStream : .exactly(record.version)
        let events = decided.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }
        _ = try EventStore().append(AppendRequest(stream: stream, expected: expected, events: events), on: connection)
        let first = record.version + 1
        decided.forEach { record.apply($0) }
        records[stream] = record
        return first
    }

    /// Applies everything appended so far.
    func project() throws {
        while try Projector(projection: delegates).runBatch(on: connection) > 0 {}
    }

    /// The delegation's delegates by accreditation id, after projecting.
    func roster(of code: String) throws -> [String: JSON] {
        try project()
        let delegation = try delegates.delegation(code, summit: "CHOGM2024", on: connection)
        let list = delegation?["delegates"]?.arrayValue ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["accreditationId"]?.stringValue ?? "", $0) })
    }
}
