import JSON
import Postgres
import TestSupport
import Testing

@testable import Projections

/// Review of issue 5: measuring lag took some 200 ms on a read model whose tables had never been
/// analysed (a new one, a rebuilt one): the planner costed joins of its single-row tables at
/// millions and compiled the statement (JIT) on every `/health`, `/metrics` and `border status`.
@Suite("Measuring lag")
struct ProjectionLagPlanTests {
    @Test func lagOfANeverAnalysedReadModelIsPlannedBelowTheCompilingThreshold() throws {
        let (_, connection, projection) = try ProjectorFollowingTests.setUp()
        let analysed = try connection.query(
            "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = $1 AND last_analyze IS NOT NULL",
            [projection.schema])
        #expect(try analysed[0].int64(0) == 0)

        let plan = try connection.query("EXPLAIN (FORMAT JSON) " + ProjectionLag.sql(projection.schema))
        let cost = try JSON.parse(Array(try plan[0].string(0).utf8)).arrayValue?.first?["Plan"]?["Total Cost"]
        let threshold = Double(try connection.query("SHOW jit_above_cost")[0].string(0)) ?? 0
        let total = try #require(cost.flatMap(Self.number))
        #expect(total < threshold)
        #expect(total < 1000)
    }

    static func number(_ value: JSON) -> Double? {
        switch value {
        case .double(let number): number
        case .int(let number): Double(number)
        default: nil
        }
    }
}
