import Benchmarks
import Foundation

/// `border bench store|projections|lookups|api [...] [--json]`: benchmarks beside their baselines.
struct BenchCommand {
    static let names = ["store", "projections", "lookups", "api"]

    let name: String
    let seconds: Int
    let json: Bool
    let only: Set<String>
    let clients: [Int]
    let events: Int
    let travellers: Int
    /// Validate the arguments and stop: Scripts/bench asks before it touches the database.
    let checkOnly: Bool

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        guard let name = arguments.next(), Self.names.contains(name) else {
            throw CLIError("border bench needs a benchmark name: store, projections, lookups or api")
        }
        self.name = name
        seconds = try arguments.intOption("--seconds", default: 5, range: 1...600)
        json = arguments.flag("--json")
        let defaultClients = ["lookups": "1,8", "api": "1,16,64"][name] ?? "1,8,32,64"
        clients = try Self.clientList(&arguments, default: defaultClients)
        events = try arguments.intOption("--events", default: 200_000, range: 1000...100_000_000)
        travellers = try arguments.intOption("--travellers", default: 1_000_000, range: 1000...100_000_000)
        checkOnly = arguments.flag("--check")
        only = Set((try arguments.option("--only") ?? "").split(separator: ",").map(String.init))
        let parts: Set<String> =
            switch name {
            case "store": ["single", "batch", "read"]
            case "projections": ["rebuild"]
            default: []
            }
        if let unknown = only.subtracting(parts).first {
            guard !parts.isEmpty else { throw CLIError("border bench \(name) takes no --only") }
            throw CLIError("--only takes \(parts.sorted().joined(separator: " or ")), not '\(unknown)'")
        }
        try arguments.finish()
    }

    private static func clientList(_ arguments: inout Arguments, default list: String) throws(CLIError) -> [Int] {
        let clientList = try arguments.option("--clients") ?? list
        let parsed = clientList.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil && (1...512).contains($0!) }) else {
            throw CLIError("--clients takes a list of caller counts from 1 to 512, such as 1,8,32,64")
        }
        return parsed.compactMap { $0 }
    }

    func run() throws {
        if checkOnly { return }
        let report = { (line: ComparisonLine) in
            print(json ? line.json.serializedString() : line.text)
            fflush(nil)
        }
        switch name {
        case "projections":
            var benchmark = ProjectionBenchmark(
                conninfo: Database.conninfo, events: events, seconds: Double(seconds),
                projections: ProjectCommand.projections)
            benchmark.rebuildOnly = only == ["rebuild"]
            try benchmark.run(report: report)
        case "api":
            let benchmark = ApiBenchmark(seconds: Double(seconds), clients: clients, lookupsPerSecond: 2000)
            try benchmark.run(report: report) { note in print(json ? "{\"note\":\"\(note)\"}" : note) }
        case "lookups":
            let benchmark = LookupBenchmark(
                conninfo: Database.conninfo, travellers: travellers, seconds: Double(seconds), clientCounts: clients)
            try benchmark.run(report: report)
        default:
            var benchmark = StoreBenchmark(conninfo: Database.conninfo, seconds: Double(seconds), clientCounts: clients)
            benchmark.only = only
            try benchmark.run(report: report)
        }
    }
}
