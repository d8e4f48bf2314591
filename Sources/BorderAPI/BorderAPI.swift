import BorderDomain
import EventStore
import Foundation
import HTTPServer
import JSON
import Postgres
import Projections
import Snapshots

/// The HTTP API of `border serve`: commands append to the log, queries read the read models.
/// Called on libmicrohttpd's worker threads; every handler blocks on its own pooled connection.
public struct BorderAPI: HTTPResponder {
    let pool: PostgresPool
    let recorder: CrossingRecorder
    let lookup: OfficerLookup
    let store: EventStore
    let log: @Sendable (String) -> Void

    public init(
        pool: PostgresPool, writer: GroupCommitWriter, lookup: OfficerLookup = OfficerLookup(), snapshotEvery: Int = 20,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.pool = pool
        self.store = EventStore()
        let loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: snapshotEvery)
        self.recorder = CrossingRecorder(store: store, pool: pool, writer: writer, loader: loader)
        self.lookup = lookup
        self.log = log
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try route(request)
        } catch {
            if error.code == .internalError || error.code == .unavailable {
                log(
                    "request failed method=\(request.method) route=\(Self.routeName(request.path)) "
                        + "code=\(error.code.rawValue) cause=\(error.cause ?? "none")")
            }
            let headers = error.allowed.isEmpty ? [] : [("Allow", error.allowed.joined(separator: ", "))]
            return .json(error.json, status: error.code.status, headers: headers)
        }
    }

    /// The route for logs: a known route's path, never a path a client made up.
    static func routeName(_ path: String) -> String {
        ["/v1/arrivals", "/v1/departures", "/v1/travellers", "/health", "/metrics"].contains(path) ? path : "unknown"
    }

    private func route(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        // HEAD is answered as GET; libmicrohttpd leaves the body out.
        let method = request.method == "HEAD" ? "GET" : request.method
        switch (method, request.path) {
        case ("POST", "/v1/arrivals"): return try recordCrossing(request, direction: .arrival)
        case ("POST", "/v1/departures"): return try recordCrossing(request, direction: .departure)
        case ("GET", "/v1/travellers"): return try findTraveller(request)
        case ("GET", "/health"): return health()
        case ("GET", "/metrics"): return metrics()
        case (_, "/v1/arrivals"), (_, "/v1/departures"):
            throw APIError(.methodNotAllowed, "this route takes POST", allowed: ["POST"])
        case (_, "/v1/travellers"), (_, "/health"), (_, "/metrics"):
            throw APIError(.methodNotAllowed, "this route takes GET", allowed: ["GET", "HEAD"])
        default:
            throw APIError(.notFound, "no such route")
        }
    }

    private func recordCrossing(_ request: HTTPRequest, direction: Crossing.Direction) throws(APIError) -> HTTPResponse
    {
        try requireJSON(request)
        var command = try CommandContext(request)
        let parsed = try CrossingRequest(body: request.body, direction: direction)
        command.identify(canonicalBody: parsed.canonicalBody)
        let (result, _) = try recorder.record(parsed.crossing, command: command)
        var body: [String: JSON] = [
            "stream": .string(result.stream), "position": .int(result.lastPosition),
            "version": .int(result.streamVersion), "commandId": .string(command.id),
        ]
        for (key, value) in result.answer.objectValue ?? [:] { body[key] = value }
        let headers = result.replayed ? [("Idempotent-Replayed", "true")] : []
        return .json(.object(body), status: 201, headers: headers)
    }

    private func findTraveller(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        guard let document = request.query["document"], !document.isEmpty else {
            throw APIError(.missingField, "document is required", field: "document")
        }
        guard document.utf8.count <= 30, document.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
        else {
            throw APIError(.invalidField, "document must be up to 30 upper-case letters or digits", field: "document")
        }
        let nationality = request.query["nationality"]
        if let nationality,
            !(1...3).contains(nationality.utf8.count) || !nationality.utf8.allSatisfy({ (65...90).contains($0) })
        {
            throw APIError(.invalidField, "nationality must be a 1 to 3 letter ICAO code", field: "nationality")
        }
        let matches: [JSON]
        do {
            matches = try pool.withConnection { connection in
                try lookup.travellers(documentNumber: document, nationality: nationality, on: connection)
            }
        } catch {
            throw APIError(.unavailable, "the officer lookup is unavailable")
        }
        switch matches.count {
        case 0: throw APIError(.notFound, "no traveller on record holds that document")
        case 1: return .json(matches[0], status: 200)
        default: throw APIError(.ambiguous, "several travellers hold that document number; give nationality")
        }
    }

    private func health() -> HTTPResponse {
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

    /// Prometheus text format: the log head, each read model's lag, the writer's batching.
    /// Figures only: no stream names, no personal data.
    private func metrics() -> HTTPResponse {
        var lines = [String]()
        if let lag = try? pool.withConnection({ try ProjectionLag.measure(lookup, on: $0) }) {
            lines += [
                "# HELP border_log_position Last position in the event log.", "# TYPE border_log_position gauge",
                "border_log_position \(lag.head)",
                "# HELP border_projection_checkpoint Last log position applied to a read model.",
                "# TYPE border_projection_checkpoint gauge",
                "border_projection_checkpoint{projection=\"\(lag.name)\"} \(lag.checkpoint)",
                "# HELP border_projection_lag_events Log head minus the read model's checkpoint.",
                "# TYPE border_projection_lag_events gauge",
                "border_projection_lag_events{projection=\"\(lag.name)\"} \(lag.events)",
                "# HELP border_projection_lag_seconds Age of the oldest event the read model has not applied.",
                "# TYPE border_projection_lag_seconds gauge",
                "border_projection_lag_seconds{projection=\"\(lag.name)\"} \(lag.seconds)",
                "# HELP border_projection_owner 1 when a projector holds an unexpired lease on the read model.",
                "# TYPE border_projection_owner gauge",
                "border_projection_owner{projection=\"\(lag.name)\"} \(lag.hasOwner ? 1 : 0)",
            ]
        }
        let writes = recorder.writer.statistics
        lines += [
            "# HELP border_append_transactions_total Group-commit transactions run by this server.",
            "# TYPE border_append_transactions_total counter",
            "border_append_transactions_total \(writes.transactions)",
            "# HELP border_append_commands_total Commands carried by those transactions.",
            "# TYPE border_append_commands_total counter", "border_append_commands_total \(writes.requests)",
        ]
        return HTTPResponse(
            status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")],
            body: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// `application/json`, with no charset or `charset=utf-8` (JSON is UTF-8; RFC 8259).
    private func requireJSON(_ request: HTTPRequest) throws(APIError) {
        let parts = (request.headers["content-type"] ?? "").split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let charsetOK = parts.dropFirst().allSatisfy { $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" }
        guard parts.first == "application/json", charsetOK else {
            throw APIError(
                .unsupportedMediaType, "Content-Type must be application/json (UTF-8)", field: "Content-Type")
        }
    }
}

extension HTTPResponse {
    static func json(_ body: JSON, status: Int, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: body.serialized())
    }
}
