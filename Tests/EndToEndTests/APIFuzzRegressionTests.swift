import HTTPClient
import JSON
import Testing

/// Regressions from fuzzing the API against its description with schemathesis (`Scripts/fuzz-api`,
/// issue 7).
@Suite("Inputs the API description refuses are refused", .serialized)
struct APIFuzzRegressionTests {
    /// The description's `groupBy` is `^[a-z]+(,[a-z]+)*$`; an empty list or an empty dimension was
    /// dropped and answered 200 (found with seed 1, `groupBy=` on late departures).
    @Test(arguments: ["crossings", "permits", "late-departures"])
    func emptyGroupByDimensionIsRefused(report: String) throws {
        let system = try RunningSystem(startProjector: false)
        defer { system.stop() }

        for groupBy in ["", "month,", ",month", "day,,month"] {
            let target = "/v1/statistics/\(report)?from=2024-10-01&to=2024-10-31&groupBy=\(groupBy)"
            let response = try system.client.request("GET", target)
            #expect(response.status == 400, "groupBy=\(groupBy): \(response.text)")
            #expect(try JSON.parse(response.body)["error"]?["field"] == "groupBy", "groupBy=\(groupBy)")
        }
        let whole = try system.client.request("GET", "/v1/statistics/\(report)?from=2024-10-01&to=2024-10-31")
        #expect(whole.status == 200, "without groupBy: \(whole.text)")
    }
}
