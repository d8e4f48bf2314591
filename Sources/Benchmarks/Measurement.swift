import Foundation
import JSON

/// Operations counted over a run, with the latency of each, and the figures printed from them.
public struct Measurement: Sendable {
    public var operations: Int
    public var items: Int
    public var seconds: Double
    public var latencies: [Double]
    /// For group-committed appends: commands per transaction, the batching achieved.
    public var perTransaction: Double?

    public init(operations: Int, items: Int, seconds: Double, latencies: [Double]) {
        self.operations = operations
        self.items = items
        self.seconds = seconds
        self.latencies = latencies.sorted()
    }

    /// Items (events or rows) per second.
    public var rate: Double { seconds > 0 ? Double(items) / seconds : 0 }

    public func percentile(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let index = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
        return latencies[max(0, index)] * 1000
    }
}

/// One line of a benchmark report: a measurement beside its baseline from the same run.
public struct ComparisonLine: Sendable {
    public var benchmark: String
    public var clients: Int
    public var measured: Measurement
    public var baseline: String
    public var baselineMeasured: Measurement

    public init(benchmark: String, clients: Int, measured: Measurement, baseline: String, baselineMeasured: Measurement)
    {
        self.benchmark = benchmark
        self.clients = clients
        self.measured = measured
        self.baseline = baseline
        self.baselineMeasured = baselineMeasured
    }

    public var ratio: Double { baselineMeasured.rate > 0 ? measured.rate / baselineMeasured.rate : 0 }

    public var json: JSON {
        [
            "benchmark": .string(benchmark), "clients": .int(Int64(clients)), "rate": .double(measured.rate.rounded()),
            "baseline": .string(baseline), "baseline_rate": .double(baselineMeasured.rate.rounded()),
            "ratio": .double((ratio * 1000).rounded() / 1000),
            "p50_ms": .double((measured.percentile(0.5) * 1000).rounded() / 1000),
            "p99_ms": .double((measured.percentile(0.99) * 1000).rounded() / 1000),
            "baseline_p50_ms": .double((baselineMeasured.percentile(0.5) * 1000).rounded() / 1000),
            "baseline_p99_ms": .double((baselineMeasured.percentile(0.99) * 1000).rounded() / 1000),
            "per_transaction": measured.perTransaction.map { .double(($0 * 10).rounded() / 10) } ?? .null,
        ]
    }

    public var text: String {
        func figures(_ measurement: Measurement) -> String {
            String(
                format: "%9.0f/s  p50 %7.2f ms  p99 %7.2f ms", measurement.rate, measurement.percentile(0.5),
                measurement.percentile(0.99))
        }
        let name = benchmark.padding(toLength: 22, withPad: " ", startingAt: 0)
        let base = baseline.padding(toLength: 21, withPad: " ", startingAt: 0)
        return "\(name) \(String(format: "%3d", clients)) clients  \(figures(measured))  |  \(base) "
            + "\(figures(baselineMeasured))  |  ratio \(String(format: "%.2f", ratio))"
            + (measured.perTransaction.map { String(format: "  (%.1f per transaction)", $0) } ?? "")
    }
}
