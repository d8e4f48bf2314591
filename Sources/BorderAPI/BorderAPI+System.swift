import Foundation
import HTTPServer
import JSON
import Projections

extension BorderAPI {
    func health() -> HTTPResponse {
        do {
            let lag = try pool.withConnection { try ProjectionLag.measure(lookup, on: $0) }
            // A checkpoint past the head means the read model holds events the log does not (503);
            // no projector owning it means lookups fall behind (degraded, but serve still works).
            let consistent = lag.checkpoint <= lag.head
            let state = !consistent ? "ahead_of_log" : (lag.hasOwner ? "ok" : "no_owner")
            let projection: JSON = [
                "checkpoint": .int(lag.checkpoint), "lag": .int(lag.events),
                "lagSeconds": .double((lag.seconds * 1000).rounded() / 1000), "owner": .bool(lag.hasOwner),
                "status": .string(state),
            ]
            let body: JSON = [
                "status": state == "ok" ? "ok" : "degraded", "database": "ok", "log": ["position": .int(lag.head)],
                "projections": [lookup.name: projection],
            ]
            return .json(body, status: consistent ? 200 : 503)
        } catch {
            return .json(["status": "unavailable", "database": "unreachable"], status: 503)
        }
    }

    /// Prometheus text format: the log head, each read model's lag, the writer's batching, the
    /// requests answered. Figures only: no stream names, no personal data.
    func metricsPage() -> HTTPResponse {
        var lines = [String]()
        if let lag = try? pool.withConnection({ try ProjectionLag.measure(lookup, on: $0) }) {
            lines += [
                "# HELP border_log_position Last position in the event log.", "# TYPE border_log_position gauge",
                "border_log_position \(lag.head)",
            ]
            lines += gauge(
                "border_projection_checkpoint", "Last log position applied to a read model.", lag.name,
                "\(lag.checkpoint)")
            lines += gauge(
                "border_projection_lag_events", "Log head minus the read model's checkpoint.", lag.name,
                "\(lag.events)")
            lines += gauge(
                "border_projection_lag_seconds", "Age of the oldest event the read model has not applied.",
                lag.name, "\(lag.seconds)")
            lines += gauge(
                "border_projection_owner", "1 when a projector holds an unexpired lease on the read model.",
                lag.name, lag.hasOwner ? "1" : "0")
        }
        let writes = recorder.writer.statistics
        lines += [
            "# HELP border_append_transactions_total Group-commit transactions run by this server.",
            "# TYPE border_append_transactions_total counter",
            "border_append_transactions_total \(writes.transactions)",
            "# HELP border_append_commands_total Commands carried by those transactions.",
            "# TYPE border_append_commands_total counter", "border_append_commands_total \(writes.requests)",
        ]
        lines += metrics.lines
        return HTTPResponse(
            status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")],
            body: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func gauge(_ name: String, _ help: String, _ projection: String, _ value: String) -> [String] {
        ["# HELP \(name) \(help)", "# TYPE \(name) gauge", "\(name){projection=\"\(projection)\"} \(value)"]
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
