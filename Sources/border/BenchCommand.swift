import Benchmarks
import Foundation

/// `border bench store [--seconds N] [--json]`: benchmarks beside their baselines.
struct BenchCommand {
    let seconds: Int
    let json: Bool

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        guard arguments.next() == "store" else { throw CLIError("border bench needs a benchmark name: store") }
        seconds = try arguments.intOption("--seconds", default: 5, range: 1...600)
        json = arguments.flag("--json")
        try arguments.finish()
    }

    func run() throws {
        let benchmark = StoreBenchmark(conninfo: Database.conninfo, seconds: Double(seconds))
        try benchmark.run { line in
            print(json ? line.json.serializedString() : line.text)
            fflush(nil)
        }
    }
}
