import Foundation

/// Counters and histograms for `/metrics`: requests by route and status, request and append
/// latency. Labels are route templates and status codes only, never anything a client sent.
final class APIMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [String: Int] = [:]
    private var requestSeconds = Histogram(bounds: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])
    private var appendSeconds = Histogram(bounds: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])

    func record(route: String, method: String, status: Int, seconds: Double) {
        let key = "route=\"\(route)\",method=\"\(Self.knownMethod(method))\",status=\"\(status)\""
        lock.withLock {
            requests[key, default: 0] += 1
            requestSeconds.observe(seconds)
        }
    }

    func observeAppend(seconds: Double) {
        lock.withLock { appendSeconds.observe(seconds) }
    }

    /// The lines in Prometheus text format.
    var lines: [String] {
        lock.withLock {
            [
                "# HELP border_http_requests_total HTTP requests answered, by route, method and status.",
                "# TYPE border_http_requests_total counter",
            ] + requests.keys.sorted().map { "border_http_requests_total{\($0)} \(requests[$0] ?? 0)" }
                + requestSeconds.lines(
                    name: "border_http_request_duration_seconds", help: "Time to answer an HTTP request.")
                + appendSeconds.lines(
                    name: "border_append_duration_seconds",
                    help: "Time from deciding a command to its append being committed (group commit included).")
        }
    }

    private static func knownMethod(_ method: String) -> String {
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].contains(method) ? method : "other"
    }
}

/// A cumulative histogram with fixed upper bounds, as Prometheus expects.
struct Histogram {
    let bounds: [Double]
    private(set) var counts: [Int]
    private(set) var sum = 0.0
    private(set) var count = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count)
    }

    mutating func observe(_ value: Double) {
        for (index, bound) in bounds.enumerated() where value <= bound { counts[index] += 1 }
        sum += value
        count += 1
    }

    func lines(name: String, help: String) -> [String] {
        ["# HELP \(name) \(help)", "# TYPE \(name) histogram"]
            + zip(bounds, counts).map { "\(name)_bucket{le=\"\($0)\"} \($1)" }
            + ["\(name)_bucket{le=\"+Inf\"} \(count)", "\(name)_sum \(sum)", "\(name)_count \(count)"]
    }
}
