import BorderDomain
import BorderTime
import EventStore
import JSON
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Finding a traveller without the document")
struct NameSearchTests {
    static func traveller(_ number: String, _ state: String, _ surname: String, _ given: [String], born: String)
        -> DocumentFacts
    {
        DocumentFacts(
            format: "td3", documentCode: "P", issuingState: state, documentNumber: number, nationality: state,
            primaryIdentifier: surname, secondaryIdentifiers: given, dateOfBirth: born, sex: "female",
            dateOfExpiry: "2031-01-01")
    }

    static let people = [
        traveller("L898902C3", "UTO", "ERIKSSON", ["ANNA", "MARIA"], born: "1974-08-12"),
        traveller("C01X00T47", "D", "MUELLER", ["HANS"], born: "1965-01-02"),
        traveller("PA0000001", "AUS", "NGUYEN", ["MAI"], born: "1974-08-12"),
        traveller("NZ0000002", "NZL", "WALKER", ["ALEX"], born: "1970-05-06"),
        traveller("NZ0000003", "NZL", "TE WHATU", ["MERE AROHA", "JANE"], born: "1981-03-04"),
    ]

    /// Each traveller arrives once; the officer lookup follows; returns it and its connection.
    static func lookup() throws -> (OfficerLookup, PostgresConnection) {
        let database = try TestDatabase(prefix: "search")
        let connection = try database.connect()
        try Migrator().migrate(try Migration.eventStore(), on: connection)
        let lookup = OfficerLookup(schema: "\(database.schema)_lookup")
        try Migrator().migrate(try lookup.migrations(), on: connection)
        for (index, document) in people.enumerated() {
            let crossing = Crossing(
                direction: .arrival, document: document, port: "APW",
                occurredAt: Timestamp(rfc3339: "2024-10-21T09:00:00Z")!)
            let events = try Traveller().decide(.recordCrossing(crossing))
            _ = try EventStore().append(
                AppendRequest(
                    stream: "traveller-\(index)", expected: .noStream,
                    events: events.map { NewEvent(type: $0.type, data: $0.data, occurredAt: $0.occurredAt) }),
                on: connection)
        }
        while try Projector(projection: lookup).runBatch(on: connection) > 0 {}
        return (lookup, connection)
    }

    static func names(_ matches: [JSON]) -> [String] { matches.compactMap { $0["primaryIdentifier"]?.stringValue } }

    @Test func nameFindsSpellingAndTransliterationVariants() throws {
        let (lookup, connection) = try Self.lookup()

        let umlaut = try lookup.search(
            name: MRZ.searchForm(of: "Hans Müller"), nationality: nil, dateOfBirth: nil, on: connection)
        let misspelt = try lookup.search(
            name: MRZ.searchForm(of: "Anna Ericsson"), nationality: nil, dateOfBirth: nil, on: connection)
        let unrelated = try lookup.search(name: "ZZYZX QWERTY", nationality: nil, dateOfBirth: nil, on: connection)

        #expect(Self.names(umlaut) == ["MUELLER"])
        #expect(Self.names(misspelt).first == "ERIKSSON")
        #expect(unrelated.isEmpty)
        guard case .double(let similarity)? = umlaut.first?["similarity"] else {
            Issue.record("no similarity in the answer")
            return
        }
        #expect(similarity > 0.5)
    }

    @Test func nationalityAndDateOfBirthNarrowTheSearch() throws {
        let (lookup, connection) = try Self.lookup()

        let born = try lookup.search(name: nil, nationality: "AUS", dateOfBirth: "1974-08-12", on: connection)
        let named = try lookup.search(name: "ANNA ERIKSSON", nationality: "AUS", dateOfBirth: nil, on: connection)

        #expect(Self.names(born) == ["NGUYEN"])
        #expect(born.first?["inCountry"] == true)
        #expect(named.isEmpty, "the name matches a traveller of another nationality")
    }

    /// Newcomer review of issue 4: a search answered a given name with a space in it as two names
    /// (["MERE", "AROHA", "JANE"]) where the lookup answered it as recorded.
    @Test func searchAnswersTheNamesAsTheLookupDoes() throws {
        let (lookup, connection) = try Self.lookup()

        let found = try lookup.search(name: "MERE AROHA TE WHATU", nationality: "NZL", dateOfBirth: nil, on: connection)
        let looked = try lookup.travellers(documentNumber: "NZ0000003", nationality: "NZL", on: connection)

        #expect(found.first?["secondaryIdentifiers"] == .array(["MERE AROHA", "JANE"]))
        #expect(looked.first?["secondaryIdentifiers"] == found.first?["secondaryIdentifiers"])
    }
}
