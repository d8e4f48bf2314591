import EventStore
import Foundation
import Locking
import Postgres
import Projections
import Synchronization

extension ProjectionBenchmark {
    /// Ticks per second of the paced writer; each tick appends `writeRate / ticks` events.
    static let ticksPerSecond = 100

    /// A projector follows `projection` (NOTIFY-woken, as `border project` runs) while a paced
    /// writer appends `writeRate` events a second through a group-commit writer. Lag of an event:
    /// from the writer's acknowledgement (its commit) to the first poll of the checkpoint that
    /// shows it passed; a poller reads the checkpoint every 0.5 ms on its own connection.
    /// Beside it, the same measure for a bare NOTIFY: from its commit to the listener's receipt.
    func liveLag(_ projection: any Projection, writes: inout BenchmarkLog) throws -> (Measurement, Measurement) {
        let ticks = Int(seconds) * Self.ticksPerSecond
        let perTick = max(1, writeRate / Self.ticksPerSecond)
        let plan = try (0..<ticks).map { _ in
            try writes.next(events: perTick)
        }
        let projector = Projector(projection: projection)
        let following = DispatchGroup()
        following.enter()
        let conninfo = conninfo
        Thread {
            defer { following.leave() }
            projector.run(conninfo: conninfo) { line in
                if line.hasPrefix("projection stalled") { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
        }.start()
        defer {
            projector.stop()
            following.wait()
        }
        let poller = try CheckpointPoller(conninfo: conninfo, schema: projection.schema)
        let writer = GroupCommitWriter(conninfo: conninfo)
        let began = LoadRunner.now()
        let acknowledged = try paced(plan.count) { tick in
            let results = writer.append(plan[tick])
            let at = LoadRunner.now()
            return try results.flatMap { result in
                let appended = try result.get()
                return (appended.firstPosition...appended.lastPosition).map { ($0, at) }
            }
        }
        let elapsed = LoadRunner.now() - began
        writer.shutdown()
        let lags = try poller.lags(of: acknowledged, deadline: LoadRunner.now() + 30)
        let measured = Measurement(operations: lags.count, items: lags.count, seconds: elapsed, latencies: lags)
        return (measured, try notifyRoundTrips(ticks: plan.count, perTick: perTick))
    }

    /// Runs `tick` for ticks 0..<count on schedule, `ticksPerSecond` a second, from four threads
    /// (a tick waits for its commit, so one thread would fall behind), and gathers what they return.
    func paced(_ count: Int, tick: @escaping @Sendable (Int) throws -> [(Int64, Double)]) throws -> [(Int64, Double)] {
        let gathered = Locked<[(Int64, Double)]>([])
        let failure = Locked<String?>(nil)
        let done = DispatchGroup()
        let start = LoadRunner.now() + 0.05
        let threads = 4
        for thread in 0..<threads {
            done.enter()
            Thread {
                defer { done.leave() }
                for index in stride(from: thread, to: count, by: threads) {
                    let due = start + Double(index) / Double(Self.ticksPerSecond)
                    let wait = due - LoadRunner.now()
                    if wait > 0 { usleep(UInt32(wait * 1e6)) }
                    do {
                        let acknowledged = try tick(index)
                        gathered.withLock { $0 += acknowledged }
                    } catch {
                        failure.withLock { $0 = "\(error)" }
                        return
                    }
                }
            }.start()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw BenchmarkError(message: message) }
        return gathered.withLock { $0 }
    }

    /// NOTIFY at the same pace, each carrying its number, from its commit to its receipt.
    func notifyRoundTrips(ticks: Int, perTick: Int) throws -> Measurement {
        let listener = try PostgresConnection(conninfo: conninfo)
        try listener.listen(to: "border_bench_notify")
        let received = Locked<[Int64: Double]>([:])
        let listening = Atomic<Bool>(true)
        let done = DispatchGroup()
        done.enter()
        Thread {
            defer { done.leave() }
            while listening.load(ordering: .relaxed) {
                guard let payloads = try? listener.waitForNotifications(timeoutMilliseconds: 50) else { return }
                let at = LoadRunner.now()
                received.withLock { for payload in payloads { $0[Int64(payload) ?? -1] = at } }
            }
        }.start()
        let conninfo = conninfo
        let senders = Locked<[PostgresConnection]>([])
        let began = LoadRunner.now()
        let sent = try paced(ticks) { tick in
            let sender = try senders.withLock { $0.popLast() } ?? PostgresConnection(conninfo: conninfo)
            defer { senders.withLock { $0.append(sender) } }
            try sender.query("SELECT pg_notify('border_bench_notify', $1)", [String(tick)])
            return [(Int64(tick), LoadRunner.now())]
        }
        let elapsed = LoadRunner.now() - began
        Thread.sleep(forTimeInterval: 0.2)
        listening.store(false, ordering: .relaxed)
        done.wait()
        let arrivals = received.withLock { $0 }
        let lags = sent.map { max(0, (arrivals[$0.0] ?? .infinity) - $0.1) }
        return Measurement(
            operations: lags.count, items: lags.count * perTick, seconds: elapsed, latencies: lags)
    }
}
