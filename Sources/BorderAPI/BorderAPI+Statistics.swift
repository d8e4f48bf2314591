import BorderTime
import HTTPServer
import JSON
import Postgres
import Projections

/// `GET /v1/statistics/...`: figures by occurred-at day from the statistics read model, as JSON
/// or as CSV for spreadsheets (`format=csv`).
extension BorderAPI {
    enum Report { case crossings, permits, lateDepartures }

    func statistics(_ call: Call, _ report: Report) throws(APIError) -> HTTPResponse {
        let query = try StatisticsParameters(call.request.query, takesGroupBy: true)
        let result: StatisticsReport = try readStatistics { connection in
            switch report {
            case .crossings:
                try statisticsModel.crossings(from: query.from, to: query.to, groupBy: query.groupBy, on: connection)
            case .permits:
                try statisticsModel.permits(from: query.from, to: query.to, groupBy: query.groupBy, on: connection)
            case .lateDepartures:
                try statisticsModel.lateDepartures(
                    from: query.from, to: query.to, groupBy: query.groupBy, on: connection)
            }
        }
        guard !query.csv else { return Self.csv(result.csv) }
        let body: JSON = [
            "from": .string(query.from.description), "to": .string(query.to.description),
            "columns": .array(result.columns.map { .string($0) }), "rows": .array(result.json),
        ]
        return .json(body, status: 200)
    }

    /// Overstays: in the country with a flag now (by nationality), and departures after the
    /// authorised day by month.
    func overstayStatistics(_ call: Call) throws(APIError) -> HTTPResponse {
        let query = try StatisticsParameters(call.request.query, takesGroupBy: false)
        if query.csv {
            let report = try readStatistics { try statisticsModel.overstaysInCountry(on: $0) }
            return Self.csv(report.csv)
        }
        let body = try readStatistics { try statisticsModel.overstays(from: query.from, to: query.to, on: $0) }
        return .json(body, status: 200)
    }

    private func readStatistics<T>(_ body: (PostgresConnection) throws -> T) throws(APIError) -> T {
        do {
            return try pool.withReadConnection { connection in
                try connection.withTransaction(context: "statistics", begin: Self.snapshotRead) { try body($0) }
            }
        } catch let error as ProjectionError where error.code == .invalidParameter {
            let field = String(error.message.prefix { $0 != ":" })
            throw APIError(.invalidField, error.message, field: field)
        } catch {
            throw APIError(.unavailable, "the statistics read model is unavailable")
        }
    }

    static func csv(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("Content-Type", "text/csv; charset=utf-8")], body: Array(text.utf8))
    }
}

/// The query of a statistics route: `from` and `to` (days, both included), `groupBy` (dimensions
/// separated by commas), `format` (`json` or `csv`). Anything else is refused.
struct StatisticsParameters {
    var from: CivilDay
    var to: CivilDay
    var groupBy: [String]
    var csv: Bool

    init(_ query: [String: String], takesGroupBy: Bool) throws(APIError) {
        let known = takesGroupBy ? ["from", "to", "groupBy", "format"] : ["from", "to", "format"]
        try QueryParameters.refuseUnknown(query, known: known)
        from = try QueryParameters.day(query, "from")
        to = try QueryParameters.day(query, "to")
        // An empty dimension is refused like any unknown one (`groupBy=`, `day,,port`), not dropped.
        let dimensions = query["groupBy"]?.split(separator: ",", omittingEmptySubsequences: false)
        groupBy = dimensions?.map(String.init) ?? []
        switch query["format"] ?? "json" {
        case "json": csv = false
        case "csv": csv = true
        default: throw APIError(.invalidField, "format must be json or csv", field: "format")
        }
    }
}
