import EventStore
import Foundation
import HTTPServer
import JSON
import Projections

extension BorderAPI {
    /// The read models `/health` and `/metrics` report on.
    var readModels: [any Projection] { [lookup, statisticsModel, delegatesModel] }

    func health() -> HTTPResponse {
        do {
            let lags = try pool.withReadConnection { connection in
                try readModels.map { try ProjectionLag.measure($0, on: connection) }
            }
            // A checkpoint past the head means the read model holds events the log does not (503);
            // no projector owning it means it falls behind (degraded, but serve still works).
            var projections = [String: JSON]()
            var states = [String]()
            for lag in lags {
                let state = lag.checkpoint > lag.head ? "ahead_of_log" : (lag.hasOwner ? "ok" : "no_owner")
                states.append(state)
                projections[lag.name] = [
                    "checkpoint": .int(lag.checkpoint), "lag": .int(lag.events),
                    "lagSeconds": .double((lag.seconds * 1000).rounded() / 1000), "owner": .bool(lag.hasOwner),
                    "status": .string(state),
                ]
            }
            let body: JSON = [
                "status": states.allSatisfy { $0 == "ok" } ? "ok" : "degraded", "database": "ok",
                "log": ["position": .int(lags.first?.head ?? 0)], "projections": .object(projections),
            ]
            return .json(body, status: states.contains("ahead_of_log") ? 503 : 200)
        } catch {
            return .json(["status": "unavailable", "database": "unreachable"], status: 503)
        }
    }

    /// Prometheus text format: the log head, each read model's lag, the writer's batching, the
    /// requests answered. Figures only: no stream names, no personal data.
    func metricsPage() -> HTTPResponse {
        var lines = [String]()
        if let lags = try? pool.withReadConnection({ connection in
            try readModels.map { try ProjectionLag.measure($0, on: connection) }
        }) {
            lines += [
                "# HELP border_log_position Last position in the event log.", "# TYPE border_log_position gauge",
                "border_log_position \(lags.first?.head ?? 0)",
            ]
            lines += gauge("border_projection_checkpoint", "Last log position applied to a read model.", lags) {
                "\($0.checkpoint)"
            }
            lines += gauge("border_projection_lag_events", "Log head minus the read model's checkpoint.", lags) {
                "\($0.events)"
            }
            lines += gauge(
                "border_projection_lag_seconds", "Age of the oldest event the read model has not applied.", lags
            ) { "\($0.seconds)" }
            lines += gauge(
                "border_projection_owner", "1 when a projector holds an unexpired lease on the read model.", lags
            ) { $0.hasOwner ? "1" : "0" }
        }
        let writes = recorder.writer.statistics
        lines += [
            "# HELP border_append_transactions_total Group-commit transactions run by this server.",
            "# TYPE border_append_transactions_total counter",
            "border_append_transactions_total \(writes.transactions)",
            "# HELP border_append_commands_total Commands carried by those transactions.",
            "# TYPE border_append_commands_total counter", "border_append_commands_total \(writes.requests)",
        ]
        lines += batchSizeLines(recorder.writer)
        lines += metrics.lines
        return HTTPResponse(
            status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")],
            body: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The group-commit batch sizes as a Prometheus histogram (cumulative buckets).
    private func batchSizeLines(_ writer: GroupCommitWriter) -> [String] {
        let counts = writer.batchSizes
        let name = "border_append_batch_size"
        var cumulative = 0
        var lines = ["# HELP \(name) Commands per group-commit transaction.", "# TYPE \(name) histogram"]
        for (bound, count) in zip(GroupCommitWriter.batchBuckets, counts) {
            cumulative += count
            lines.append("\(name)_bucket{le=\"\(bound)\"} \(cumulative)")
        }
        let statistics = writer.statistics
        lines += [
            "\(name)_bucket{le=\"+Inf\"} \(cumulative + (counts.last ?? 0))", "\(name)_sum \(statistics.requests)",
            "\(name)_count \(statistics.transactions)",
        ]
        return lines
    }

    private func gauge(_ name: String, _ help: String, _ lags: [ProjectionLag], _ value: (ProjectionLag) -> String)
        -> [String]
    {
        ["# HELP \(name) \(help)", "# TYPE \(name) gauge"]
            + lags.map { "\(name){projection=\"\($0.name)\"} \(value($0))" }
    }

    /// The API description (OpenAPI 3.1), kept in the repository beside the routes it describes.
    func openAPI() -> HTTPResponse {
        guard let document = Self.openAPIDocument else {
            return .json(APIError(.internalError, "the API description is missing from the build").json, status: 500)
        }
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: document)
    }

    static let openAPIDocument: [UInt8]? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }.map { Array($0) }
}
