import Benchmarks
import Foundation
import HTTPClient
import Locking
import Postgres

/// Officer lookups by document at a fixed total rate, from `threads` threads, of documents
/// recorded so far; beside them, at a tenth of the rate, the bare indexed SELECT of the lookup's
/// travellers table straight on the database, as the baseline. Bounded: it stops when told.
final class LookupLoad: @unchecked Sendable {
    static let threads = 8
    let rate: Int
    let recorded: RecordedDocuments
    private let stopped = Locked(false)
    private let api = Latencies()
    private let bare = Latencies()
    private let group = DispatchGroup()
    private var began = 0.0

    init(rate: Int, recorded: RecordedDocuments) {
        self.rate = rate
        self.recorded = recorded
    }

    func start(client: HTTPClient) {
        began = LoadRunner.now()
        for _ in 0..<Self.threads {
            paced(perSecond: Double(rate) / Double(Self.threads), into: api) { document in
                _ = try? client.request("GET", "/v1/travellers?document=\(document)")
            }
        }
        let connection = try? PostgresConnection(conninfo: Database.conninfo)
        paced(perSecond: Double(rate) / 10, into: bare) { document in
            _ = try? connection?.query(
                "SELECT stream FROM officer_lookup.travellers WHERE document_number = $1", [document])
        }
    }

    func stop() -> (api: Benchmarks.Measurement, bare: Benchmarks.Measurement) {
        stopped.withLock { $0 = true }
        group.wait()
        let seconds = LoadRunner.now() - began
        let (apiLatencies, bareLatencies) = (api.all, bare.all)
        return (
            Benchmarks.Measurement(
                operations: apiLatencies.count, items: apiLatencies.count, seconds: seconds, latencies: apiLatencies),
            Benchmarks.Measurement(
                operations: bareLatencies.count, items: bareLatencies.count, seconds: seconds, latencies: bareLatencies)
        )
    }

    /// A thread that does `body` every 1/perSecond seconds (skipping slots it is late for).
    private func paced(perSecond: Double, into latencies: Latencies, _ body: @escaping @Sendable (String) -> Void) {
        group.enter()
        let interval = 1 / perSecond
        Thread { [self] in
            defer { group.leave() }
            var next = LoadRunner.now()
            while !stopped.withLock({ $0 }) {
                let wait = next - LoadRunner.now()
                if wait > 0 { usleep(UInt32(wait * 1e6)) }
                next = max(next + interval, LoadRunner.now() - interval)
                guard let document = recorded.random() else { continue }
                let start = LoadRunner.now()
                body(document)
                let elapsed = LoadRunner.now() - start
                latencies.append(elapsed)
            }
        }.start()
    }
}

/// The documents recorded so far, shared by the writers and the paced lookups.
final class RecordedDocuments: Sendable {
    private let documents = Locked([String]())

    func append(_ document: String) { documents.withLock { $0.append(document) } }

    func random() -> String? { documents.withLock { $0.randomElement() } }
}

/// Latencies gathered from several threads.
final class Latencies: Sendable {
    private let values = Locked([Double]())

    func append(_ value: Double) { values.withLock { $0.append(value) } }

    var all: [Double] { values.withLock { $0 } }
}
