import Foundation
import Postgres
import Projections

/// `border bench lookups`: lookups by document number in the officer lookup, as
/// `GET /v1/travellers` makes them, beside a bare SELECT of the traveller's row.
///
/// Loads `travellers` travellers straight into the live officer lookup tables (each with one to
/// three crossings, a quarter with a permit, a few with an accreditation or an overstay flag),
/// then looks up random documents from each client count for `seconds`.
public struct LookupBenchmark: Sendable {
    public var conninfo: String
    public var travellers: Int
    public var seconds: Double
    public var clientCounts: [Int]
    let lookup = OfficerLookup()

    public init(conninfo: String, travellers: Int, seconds: Double, clientCounts: [Int]) {
        self.conninfo = conninfo
        self.travellers = travellers
        self.seconds = seconds
        self.clientCounts = clientCounts
    }

    /// The document number of traveller `number` (1...travellers) as the loader writes it.
    static func document(_ number: Int) -> String { "B" + String(String(100_000_000 + number).dropFirst()) }

    public func run(report: (ComparisonLine) -> Void) throws {
        let connection = try PostgresConnection(conninfo: conninfo)
        try load(on: connection)
        for clients in clientCounts {
            let measured = try lookups(clients: clients)
            let baseline = try bareSelects(clients: clients)
            report(
                ComparisonLine(
                    benchmark: "lookup by document", clients: clients, measured: measured,
                    baseline: "bare SELECT traveller", baselineMeasured: baseline))
        }
    }

    /// The lookup the API makes: one REPEATABLE READ, READ ONLY transaction per lookup, in one
    /// round trip.
    func lookups(clients: Int) throws -> Measurement {
        let conninfo = conninfo
        let travellers = travellers
        let lookup = lookup
        return try LoadRunner.run(
            clients: clients, seconds: seconds, setUp: { _ in try PostgresConnection(conninfo: conninfo) }
        ) { connection, _, _ in
            let document = Self.document(Int.random(in: 1...travellers))
            let found = try lookup.travellers(
                documentNumber: document, nationality: nil, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                on: connection)
            guard found.count == 1 else { throw BenchmarkError(message: "no traveller holds \(document)") }
            return 1
        }
    }

    /// The traveller's row alone, autocommitted.
    func bareSelects(clients: Int) throws -> Measurement {
        let conninfo = conninfo
        let travellers = travellers
        let sql = "SELECT * FROM \(lookup.schema).travellers WHERE document_number = $1"
        return try LoadRunner.run(
            clients: clients, seconds: seconds, setUp: { _ in try PostgresConnection(conninfo: conninfo) }
        ) { connection, _, _ in
            let rows = try connection.query(sql, [Self.document(Int.random(in: 1...travellers))])
            guard rows.count == 1 else { throw BenchmarkError(message: "bare select found \(rows.count) rows") }
            return 1
        }
    }
}
