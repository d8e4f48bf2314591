import Foundation
import Locking

/// Runs `operation` from `clients` threads of their own for `seconds`, timing each call.
/// `setUp` runs once per thread (to open its connection); `operation` returns how many items it
/// handled and is given the thread's state and a per-thread counter.
public enum LoadRunner {
    public static func run<State>(
        clients: Int, seconds: Double, setUp: @escaping @Sendable (Int) throws -> State,
        operation: @escaping @Sendable (inout State, Int, Int) throws -> Int
    ) throws -> Measurement {
        let results = Locked<[(operations: Int, items: Int, latencies: [Double])]>([])
        let failure = Locked<String?>(nil)
        let ready = DispatchGroup()
        let done = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        let deadline = Locked<Double>(0)
        for client in 0..<clients {
            ready.enter()
            done.enter()
            Thread {
                defer { done.leave() }
                var state: State
                do {
                    state = try setUp(client)
                } catch {
                    failure.withLock { $0 = "\(error)" }
                    ready.leave()
                    return
                }
                ready.leave()
                start.wait()
                let stopAt = deadline.withLock { $0 }
                var latencies = [Double]()
                var items = 0
                var count = 0
                while now() < stopAt {
                    let began = now()
                    do {
                        items += try operation(&state, client, count)
                    } catch {
                        failure.withLock { $0 = "\(error)" }
                        break
                    }
                    latencies.append(now() - began)
                    count += 1
                }
                results.withLock { $0.append((count, items, latencies)) }
            }.start()
        }
        ready.wait()
        let began = now()
        deadline.withLock { $0 = began + seconds }
        for _ in 0..<clients { start.signal() }
        done.wait()
        let elapsed = now() - began
        if let message = failure.withLock({ $0 }) { throw BenchmarkError(message: message) }
        let all = results.withLock { $0 }
        return Measurement(
            operations: all.reduce(0) { $0 + $1.operations }, items: all.reduce(0) { $0 + $1.items },
            seconds: elapsed, latencies: all.flatMap(\.latencies))
    }

    /// Seconds on a monotonic clock.
    public static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

public struct BenchmarkError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { "benchmark failed: \(message)" }
}
