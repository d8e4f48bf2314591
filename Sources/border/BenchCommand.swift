import Benchmarks
import Foundation

/// `border bench store [--seconds N] [--json]`: benchmarks beside their baselines.
struct BenchCommand {
    let name: String
    let seconds: Int
    let json: Bool
    let only: Set<String>
    let clients: [Int]
    /// Validate the arguments and stop: Scripts/bench asks before it touches the database.
    let checkOnly: Bool

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        name = arguments.next() ?? ""
        guard ["store", "api"].contains(name) else {
            throw CLIError("border bench needs a benchmark name: store or api")
        }
        seconds = try arguments.intOption("--seconds", default: 5, range: 1...600)
        json = arguments.flag("--json")
        let clientList = try arguments.option("--clients") ?? (name == "api" ? "1,16,64" : "1,8,32,64")
        let parsed = clientList.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil && (1...512).contains($0!) }) else {
            throw CLIError("--clients takes a list of caller counts from 1 to 512, such as 1,8,32,64")
        }
        clients = parsed.compactMap { $0 }
        checkOnly = arguments.flag("--check")
        only = Set((try arguments.option("--only") ?? "").split(separator: ",").map(String.init))
        if let unknown = only.subtracting(["single", "batch", "read"]).first {
            throw CLIError("--only takes single, batch or read, not '\(unknown)'")
        }
        try arguments.finish()
    }

    func run() throws {
        if checkOnly { return }
        if name == "api" {
            let benchmark = ApiBenchmark(seconds: Double(seconds), clients: clients, lookupsPerSecond: 2000)
            return try benchmark.run(report: printLine) { note in
                print(json ? "{\"note\":\"\(note)\"}" : note)
            }
        }
        var benchmark = StoreBenchmark(conninfo: Database.conninfo, seconds: Double(seconds), clientCounts: clients)
        benchmark.only = only
        try benchmark.run(report: printLine)
    }

    private func printLine(_ line: ComparisonLine) {
        print(json ? line.json.serializedString() : line.text)
        fflush(nil)
    }
}
