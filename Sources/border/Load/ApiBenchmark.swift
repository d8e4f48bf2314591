import Benchmarks
import BorderAPI
import Foundation
import HTTPClient
import Postgres

/// `border bench api`: arrivals through a real `border serve` (a child process) from 1, 16 and
/// 64 clients on loopback, officer lookups at a fixed rate during the 64-client run, the
/// server's peak memory; beside, from the same run, the bare single-row INSERT (the ratio) and
/// the store's own group-committed appends at the same concurrency.
struct ApiBenchmark {
    let seconds: Double
    let clients: [Int]
    let lookupsPerSecond: Int

    func run(report: (ComparisonLine) -> Void, note: (String) -> Void) throws {
        let server = try ApiBenchServer.start()
        defer { server.stop() }
        let recorded = RecordedDocuments()
        for (index, count) in clients.enumerated() {
            // A run id of its own per client count: its first letter makes its document numbers distinct.
            let traffic = LoadTraffic(
                run: "\(Character(UnicodeScalar(UInt8(65 + index % 26))))\(UUID().uuidString.prefix(5))")
            let lookups = count == clients.max() ? LookupLoad(rate: lookupsPerSecond, recorded: recorded) : nil
            lookups?.start(client: server.client)
            let measured = try arrivals(clients: count, server: server, traffic: traffic, recorded: recorded)
            let lookupFigures = lookups?.stop()
            let reference = try StoreBenchmark(conninfo: Database.conninfo, seconds: seconds)
                .singleAppendReference(clients: count)
            report(
                ComparisonLine(
                    benchmark: "API arrivals", clients: count, measured: measured, baseline: "bare INSERT 1 row",
                    baselineMeasured: reference.bare))
            report(
                ComparisonLine(
                    benchmark: "store append 1 event", clients: count, measured: reference.store,
                    baseline: "bare INSERT 1 row", baselineMeasured: reference.bare))
            if let lookups, !lookups.unanswered.isEmpty {
                let counts = lookups.unanswered.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                note("lookups not answered 200, left out of the figures: \(counts.joined(separator: ", "))")
            }
            if let lookupFigures {
                report(
                    ComparisonLine(
                        benchmark: "API lookups (paced)", clients: LookupLoad.threads, measured: lookupFigures.api,
                        baseline: "bare SELECT by document", baselineMeasured: lookupFigures.bare))
            }
        }
        note("border serve peak RSS: \(server.peakResidentMegabytes()) MB")
    }

    private func arrivals(clients: Int, server: ApiBenchServer, traffic: LoadTraffic, recorded: RecordedDocuments)
        throws -> Benchmarks.Measurement
    {
        let http = server.client
        return try LoadRunner.run(clients: clients, seconds: seconds, setUp: { _ in HTTPConnection(client: http) }) {
            http, client, count in
            let status = traffic.post(client: client, count: count, with: http)
            guard status == 201 else { throw BenchmarkError(message: "an arrival was answered \(status)") }
            let number = traffic.documentNumber(client: client, count: count)
            recorded.append(number)
            return 1
        }
    }
}
