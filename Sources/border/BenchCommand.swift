import Benchmarks
import Foundation

/// `border bench store [--seconds N] [--json]`: benchmarks beside their baselines.
struct BenchCommand {
    let seconds: Int
    let json: Bool
    let only: Set<String>
    let clients: [Int]

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        guard arguments.next() == "store" else { throw CLIError("border bench needs a benchmark name: store") }
        seconds = try arguments.intOption("--seconds", default: 5, range: 1...600)
        json = arguments.flag("--json")
        let clientList = try arguments.option("--clients") ?? "1,8,32,64"
        clients = clientList.split(separator: ",").compactMap { Int($0) }.filter { (1...512).contains($0) }
        guard !clients.isEmpty else { throw CLIError("--clients takes a list such as 1,8,32,64") }
        only = Set((try arguments.option("--only") ?? "").split(separator: ",").map(String.init))
        if let unknown = only.subtracting(["single", "batch", "read"]).first {
            throw CLIError("--only takes single, batch or read, not '\(unknown)'")
        }
        try arguments.finish()
    }

    func run() throws {
        var benchmark = StoreBenchmark(conninfo: Database.conninfo, seconds: Double(seconds), clientCounts: clients)
        benchmark.only = only
        try benchmark.run { line in
            print(json ? line.json.serializedString() : line.text)
            fflush(nil)
        }
    }
}
