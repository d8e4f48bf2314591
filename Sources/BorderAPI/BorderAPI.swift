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
    let recorder: TravellerRecorder
    let lookup: OfficerLookup
    let statisticsModel: Statistics
    let delegatesModel: Delegates
    let store: EventStore
    let authenticator: Authenticator
    let metrics: APIMetrics
    let log: @Sendable (String) -> Void

    public init(
        pool: PostgresPool, writer: GroupCommitWriter, lookup: OfficerLookup = OfficerLookup(), snapshotEvery: Int = 20,
        rules: EntryRules = EntryRules(), tokenCacheSeconds: Double = 5, log: @escaping @Sendable (String) -> Void
    ) {
        self.pool = pool
        self.store = EventStore()
        let loader = AggregateLoader(store: store, kind: .traveller, snapshotEvery: snapshotEvery)
        self.recorder = TravellerRecorder(store: store, pool: pool, writer: writer, loader: loader, rules: rules)
        self.lookup = lookup
        self.statisticsModel = Statistics()
        self.delegatesModel = Delegates()
        self.authenticator = Authenticator(cacheSeconds: tokenCacheSeconds)
        self.metrics = APIMetrics()
        self.log = log
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        var routeName = "unknown"
        let response: HTTPResponse
        do {
            let (route, parameters) = try Self.route(for: request)
            routeName = route.path
            response = try call(route, request: request, parameters: parameters)
        } catch {
            if error.code == .internalError || error.code == .unavailable {
                log(
                    "request failed method=\(request.method) route=\(routeName) code=\(error.code.rawValue) "
                        + "cause=\(error.cause ?? "none")")
            }
            let headers = error.allowed.isEmpty ? [] : [("Allow", error.allowed.joined(separator: ", "))]
            let challenge = error.code == .unauthorized ? [("WWW-Authenticate", "Bearer")] : []
            // 503: the database is away; a retry with the same Idempotency-Key is safe.
            let retry = error.code.status == 503 ? [("Retry-After", "1")] : []
            response = .json(error.json, status: error.code.status, headers: headers + challenge + retry)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        metrics.record(route: routeName, method: request.method, status: response.status, seconds: seconds)
        return response
    }

    /// The route a request goes to: 404 when no route has its path, 405 (with the methods that
    /// route takes) when none takes its method. HEAD is answered as GET, without the body.
    static func route(for request: HTTPRequest) throws(APIError) -> (Route, [String: String]) {
        let method = request.method == "HEAD" ? "GET" : request.method
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false)
        let matching = routes.compactMap { route in route.match(segments).map { (route, $0) } }
        guard !matching.isEmpty else { throw APIError(.notFound, "no such route") }
        guard let found = matching.first(where: { $0.0.method == method }) else {
            let methods = matching.map(\.0.method)
            throw APIError(
                .methodNotAllowed, "this route takes \(methods.joined(separator: ", "))",
                allowed: methods + (methods.contains("GET") ? ["HEAD"] : []))
        }
        return found
    }

    private func call(_ route: Route, request: HTTPRequest, parameters: [String: String]) throws(APIError)
        -> HTTPResponse
    {
        guard let roles = route.roles else {
            return try route.handler(self, Call(request: request, caller: nil, parameters: parameters))
        }
        let caller = try authenticator.caller(of: request, pool: pool)
        guard roles.contains(caller.role) else {
            let allowed = Role.allCases.filter { roles.contains($0) }.map(\.rawValue).joined(separator: ", ")
            throw APIError(.forbidden, "this route is for the role(s) \(allowed)")
        }
        return try route.handler(self, Call(request: request, caller: caller, parameters: parameters))
    }

    /// `application/json`, with no charset or `charset=utf-8` (JSON is UTF-8; RFC 8259).
    func requireContentType(_ request: HTTPRequest, _ expected: String = "application/json") throws(APIError) {
        let parts = (request.headers["content-type"] ?? "").split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let charsetOK = parts.dropFirst().allSatisfy { $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" }
        guard parts.first == expected, charsetOK else {
            throw APIError(.unsupportedMediaType, "Content-Type must be \(expected) (UTF-8)", field: "Content-Type")
        }
    }
}

extension HTTPResponse {
    static func json(_ body: JSON, status: Int, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: body.serialized())
    }
}
