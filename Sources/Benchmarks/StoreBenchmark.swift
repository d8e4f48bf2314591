import BorderTime
import EventStore
import Foundation
import JSON
import Postgres

/// `border bench store`: the event store beside the database's own limit, in one run.
///
/// Baselines write to `bare_events`, a table of the events table's shape (its columns and its
/// indexes: position, and stream with version) with no triggers, no version or idempotency
/// checks and no chain hash: what PostgreSQL itself does on this machine with the same
/// durability. Baseline rows go to a stream per client with a version per row, as the store's do.
public struct StoreBenchmark: Sendable {
    public var conninfo: String
    public var seconds: Double
    public var clientCounts: [Int]
    public var batchSize = 100
    /// The read benchmark reads at least this many events (it appends what is missing first).
    public var readLogSize = 100_000
    /// Runs only the parts named (`single`, `batch`, `read`); all when empty.
    public var only: Set<String> = []

    public init(conninfo: String, seconds: Double, clientCounts: [Int] = [1, 8, 32, 64]) {
        self.conninfo = conninfo
        self.seconds = seconds
        self.clientCounts = clientCounts
    }

    static let sampleData: JSON = [
        "document": [
            "format": "td3", "documentCode": "P", "issuingState": "NZL", "documentNumber": "LA1234567",
            "nationality": "NZL", "primaryIdentifier": "BENCHMARK", "secondaryIdentifiers": ["SAMPLE"],
            "dateOfBirth": "1980-01-01", "sex": "female", "dateOfExpiry": "2030-01-01",
        ],
        "port": "APW", "carrier": "NZ", "flight": "NZ990", "purpose": "holiday", "anomalies": [],
    ]
    static let sampleMetadata: JSON = [
        "officer": "bench", "terminal": "bench", "port": "APW", "correlationId": "bench", "causationId": "bench",
    ]

    public func run(report: (ComparisonLine) -> Void) throws {
        try prepare()
        let writer = GroupCommitWriter(conninfo: conninfo)
        defer { writer.shutdown() }
        for clients in clientCounts where only.isEmpty || only.contains("single") {
            let before = writer.statistics
            var measured = try appendSingles(clients: clients, writer: writer)
            let after = writer.statistics
            measured.perTransaction =
                Double(after.requests - before.requests) / Double(max(1, after.transactions - before.transactions))
            let baseline = try bareInserts(clients: clients, rows: 1)
            report(
                ComparisonLine(
                    benchmark: "append 1 event", clients: clients, measured: measured, baseline: "bare INSERT 1 row",
                    baselineMeasured: baseline))
        }
        if only.isEmpty || only.contains("batch") {
            let batched = try appendBatches()
            let bareBatched = try bareInserts(clients: 1, rows: batchSize)
            report(
                ComparisonLine(
                    benchmark: "append \(batchSize) events", clients: 1, measured: batched,
                    baseline: "bare INSERT \(batchSize) rows", baselineMeasured: bareBatched))
        }
        if only.isEmpty || only.contains("read") {
            let (read, bareRead) = try readWholeLog()
            report(
                ComparisonLine(
                    benchmark: "read whole log", clients: 1, measured: read, baseline: "bare SELECT",
                    baselineMeasured: bareRead))
        }
    }

    func prepare() throws {
        let connection = try PostgresConnection(conninfo: conninfo)
        try connection.execute(
            """
            DROP TABLE IF EXISTS bare_events;
            CREATE TABLE bare_events (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES);
            ALTER TABLE bare_events ALTER COLUMN position ADD GENERATED ALWAYS AS IDENTITY
            """, context: "prepare baseline table")
        let settings = try connection.query("SELECT current_setting('synchronous_commit'), current_setting('fsync')")
        guard try settings[0].string(0) == "on", try settings[0].string(1) == "on" else {
            throw BenchmarkError(message: "the database must run with synchronous_commit=on and fsync=on")
        }
    }

    func event(_ number: Int) -> NewEvent {
        NewEvent(
            type: "ArrivalRecorded", data: Self.sampleData, metadata: Self.sampleMetadata,
            occurredAt: Timestamp(microseconds: 1_729_438_200_000_000 + Int64(number)))
    }

    func appendSingles(clients: Int, writer: GroupCommitWriter) throws -> Measurement {
        let run = UUID().uuidString.prefix(8)
        return try LoadRunner.run(clients: clients, seconds: seconds, setUp: { _ in () }) { _, client, count in
            let request = AppendRequest(
                stream: "bench-\(run)-\(client)", expected: count == 0 ? .noStream : .exactly(Int64(count)),
                events: [event(count)])
            _ = try writer.append(request)
            return 1
        }
    }

    private func appendBatches() throws -> Measurement {
        let run = UUID().uuidString.prefix(8)
        let store = EventStore()
        let conninfo = conninfo
        return try LoadRunner.run(
            clients: 1, seconds: seconds, setUp: { _ in try PostgresConnection(conninfo: conninfo) }
        ) {
            connection, _, count in
            let events = (0..<batchSize).map { event($0) }
            let request = AppendRequest(
                stream: "bench-batch-\(run)-\(count)", expected: .noStream, events: events)
            _ = try store.append(request, on: connection)
            return batchSize
        }
    }
}
