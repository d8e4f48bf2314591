import Foundation
import Locking
import Postgres
import Synchronization

/// Reads a read model's checkpoint every half millisecond on a connection of its own and keeps
/// each change with the time it was first seen: when the checkpoint passed a position.
final class CheckpointPoller: Sendable {
    private let samples = Locked<[(position: Int64, at: Double)]>([])
    private let polling = Atomic<Bool>(true)
    private let done = DispatchGroup()

    init(conninfo: String, schema: String) throws {
        let connection = try PostgresConnection(conninfo: conninfo)
        let sql = "SELECT position FROM \(schema).checkpoint"
        done.enter()
        Thread { [self] in
            defer { done.leave() }
            var last: Int64 = -1
            while polling.load(ordering: .relaxed) {
                guard let rows = try? connection.query(sql), let position = try? rows.first?.int64(0) else { return }
                if position != last {
                    let at = LoadRunner.now()
                    samples.withLock { $0.append((position, at)) }
                    last = position
                }
                usleep(500)
            }
        }.start()
    }

    /// The lag of each acknowledged position: from its acknowledgement to the first sample at or
    /// past it (zero when the checkpoint had passed it before the acknowledgement). Waits until
    /// the checkpoint passes the last position or `deadline`, and stops polling.
    func lags(of acknowledged: [(position: Int64, at: Double)], deadline: Double) throws -> [Double] {
        let target = acknowledged.map(\.position).max() ?? 0
        while samples.withLock({ $0.last?.position ?? 0 }) < target, LoadRunner.now() < deadline {
            usleep(1000)
        }
        polling.store(false, ordering: .relaxed)
        done.wait()
        let seen = samples.withLock { $0 }
        guard (seen.last?.position ?? 0) >= target else {
            throw BenchmarkError(message: "the projector did not reach position \(target) in time")
        }
        return acknowledged.map { event in
            // Samples are in position order: the first at or past the event, by binary search.
            var low = 0
            var high = seen.count - 1
            while low < high {
                let middle = (low + high) / 2
                if seen[middle].position >= event.position { high = middle } else { low = middle + 1 }
            }
            return max(0, seen[low].at - event.at)
        }
    }
}
