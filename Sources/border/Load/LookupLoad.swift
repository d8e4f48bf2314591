import Benchmarks
import Foundation
import HTTPClient
import Locking
import Postgres

/// Officer lookups by document at a fixed total rate, from `threads` threads with a kept-alive
/// connection each, of documents recorded at least `settled` seconds before (the projector has
/// had time to apply them); beside them, at a tenth of the rate, the bare indexed SELECT of the
/// lookup's travellers table straight on the database, as the baseline. Only lookups answered
/// 200 are measured; the others are counted in `unanswered`. Bounded: it stops when told.
final class LookupLoad: @unchecked Sendable {
    static let threads = 32
    static let settled = 2.0
    let rate: Int
    let recorded: RecordedDocuments
    private let stopped = Locked(false)
    private let api = Latencies()
    private let bare = Latencies()
    private let failures = Locked([String: Int]())
    private let group = DispatchGroup()
    private var began = 0.0

    init(rate: Int, recorded: RecordedDocuments) {
        self.rate = rate
        self.recorded = recorded
    }

    func start(client: HTTPClient) {
        began = LoadRunner.now()
        for _ in 0..<Self.threads {
            paced(perSecond: Double(rate) / Double(Self.threads), into: api) { [self] in
                let connection = HTTPConnection(client: client)
                return { document in
                    let status = (try? connection.request("GET", "/v1/travellers?document=\(document)"))?.status
                    guard status == 200 else {
                        self.failures.withLock { $0[status.map { "\($0)" } ?? "no answer", default: 0] += 1 }
                        return false
                    }
                    return true
                }
            }
        }
        paced(perSecond: Double(rate) / 10, into: bare) { [self] in
            let connection = try? PostgresConnection(conninfo: Database.conninfo)
            return { document in
                let rows = try? connection?.query(
                    "SELECT stream FROM officer_lookup.travellers WHERE document_number = $1", [document])
                guard rows?.count == 1 else {
                    self.failures.withLock { $0["bare SELECT without its row", default: 0] += 1 }
                    return false
                }
                return true
            }
        }
    }

    /// Lookups that were not answered 200 (or bare SELECTs that found no row), by status.
    var unanswered: [String: Int] { failures.withLock { $0 } }

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

    /// A thread that does the body `makeBody` gives it every 1/perSecond seconds (skipping slots
    /// it is late for), timing the calls that return true.
    private func paced(
        perSecond: Double, into latencies: Latencies, _ makeBody: @escaping @Sendable () -> (String) -> Bool
    ) {
        group.enter()
        let interval = 1 / perSecond
        Thread { [self] in
            defer { group.leave() }
            let body = makeBody()
            var next = LoadRunner.now()
            while !stopped.withLock({ $0 }) {
                let wait = next - LoadRunner.now()
                if wait > 0 { usleep(UInt32(wait * 1e6)) }
                next = max(next + interval, LoadRunner.now() - interval)
                guard let document = recorded.random(recordedBefore: LoadRunner.now() - Self.settled) else { continue }
                let start = LoadRunner.now()
                guard body(document) else { continue }
                latencies.append(LoadRunner.now() - start)
            }
        }.start()
    }
}

/// The documents recorded so far, in the order recorded and with the time (`LoadRunner.now()`),
/// shared by the writers and the paced lookups.
final class RecordedDocuments: Sendable {
    private let documents = Locked([(time: Double, number: String)]())

    func append(_ document: String) { documents.withLock { $0.append((LoadRunner.now(), document)) } }

    /// One of the documents recorded before `time`, at random.
    func random(recordedBefore time: Double) -> String? {
        documents.withLock { documents in
            var (low, high) = (0, documents.count)
            while low < high {
                let middle = (low + high) / 2
                if documents[middle].time < time { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? nil : documents[Int.random(in: 0..<low)].number
        }
    }
}

/// Latencies gathered from several threads.
final class Latencies: Sendable {
    private let values = Locked([Double]())

    func append(_ value: Double) { values.withLock { $0.append(value) } }

    var all: [Double] { values.withLock { $0 } }
}
