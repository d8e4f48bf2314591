import EventStore
import Foundation
import Postgres
import Projections

/// `border bench projections`: the read side beside the database's own limit, in one run.
///
/// Fills the log with `events` events of generated traffic, then rebuilds each read model from
/// it into a scratch schema (`ScratchBuild`, as `border project <name> --verify` does) beside a
/// bare scan of the log in the projector's pages; then follows a paced writer with a live
/// projector and reports the lag from each append's commit to the checkpoint passing it, beside
/// the bare NOTIFY→LISTEN round trip.
public struct ProjectionBenchmark: Sendable {
    public var conninfo: String
    public var events: Int
    public var seconds: Double
    public var projections: [any Projection]
    /// Events appended per second while the live lag is measured.
    public var writeRate = 1000
    /// Measures the rebuilds only, not the live lag.
    public var rebuildOnly = false

    /// The page size of a rebuild (`ScratchBuild`), which the bare scan reads in too.
    static let pageSize = 5000

    public init(conninfo: String, events: Int, seconds: Double, projections: [any Projection]) {
        self.conninfo = conninfo
        self.events = events
        self.seconds = seconds
        self.projections = projections
    }

    public func run(report: (ComparisonLine) -> Void) throws {
        let connection = try PostgresConnection(conninfo: conninfo)
        var log = BenchmarkLog()
        try log.fill(to: events, on: connection)
        try connection.execute("VACUUM ANALYZE events", context: "analyze the log")
        for projection in projections {
            let scan = try bareScan(on: connection)
            let (build, rebuilt) = try rebuild(projection, on: connection)
            defer { try? build.drop(on: connection) }
            report(
                ComparisonLine(
                    benchmark: "rebuild \(projection.name)", clients: 1, measured: rebuilt,
                    baseline: "bare scan of the log", baselineMeasured: scan))
            guard !rebuildOnly else { continue }
            // The scratch build, caught up with the log, is followed live.
            let (lag, notify) = try liveLag(build.projection, writes: &log)
            report(
                ComparisonLine(
                    benchmark: "lag \(projection.name)", clients: 1, measured: lag,
                    baseline: "NOTIFY to LISTEN", baselineMeasured: notify))
        }
    }

    /// The whole log in position order, in pages as a projector reads it, every column of every
    /// row read out of libpq's result.
    func bareScan(on connection: PostgresConnection) throws -> Measurement {
        let began = LoadRunner.now()
        var position: Int64 = 0
        var count = 0
        while true {
            let rows = try connection.query(
                """
                SELECT position, stream, version, type, schema_version, data, metadata, occurred_at, recorded_at,
                    command_id, hash
                FROM events WHERE position > $1 ORDER BY position LIMIT $2
                """, [String(position), String(Self.pageSize)], context: "bare scan")
            guard let last = rows.last else { break }
            count += rows.count
            position = try last.int64(0)
        }
        return Measurement(operations: 1, items: count, seconds: LoadRunner.now() - began, latencies: [])
    }

    /// A rebuild of `projection` from the whole log into a scratch schema, which the caller drops.
    func rebuild(_ projection: any Projection, on connection: PostgresConnection) throws
        -> (ScratchBuild, Measurement)
    {
        let head = try EventStore().head(on: connection).position
        let began = LoadRunner.now()
        let build = try ScratchBuild.build(projection, upTo: head, on: connection)
        let elapsed = LoadRunner.now() - began
        return (build, Measurement(operations: 1, items: Int(build.applied), seconds: elapsed, latencies: []))
    }
}
