import BorderTime
import DemoTraffic
import Foundation
import HTTPClient
import JSON
import Synchronization

/// `border demo feed|lookups`: a day of generated traffic through the real HTTP API, and a few
/// officer lookups of it.
struct DemoCommand {
    enum Action {
        case feed(day: CivilDay, arrivals: Int, departures: Int, seed: UInt64)
        case lookups
    }

    let action: Action
    let client: HTTPClient

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        let verb = arguments.next()
        guard let url = try arguments.option("--url") else {
            throw CLIError("border demo needs --url http://HOST:PORT")
        }
        do {
            client = try HTTPClient(url: url)
        } catch {
            throw CLIError("--url: \(error)")
        }
        switch verb {
        case "feed":
            let dateText = try arguments.option("--date") ?? "2024-10-20"
            guard let day = CivilDay(iso: dateText) else { throw CLIError("--date must be YYYY-MM-DD") }
            action = .feed(
                day: day, arrivals: try arguments.intOption("--arrivals", default: 420, range: 0...100_000),
                departures: try arguments.intOption("--departures", default: 380, range: 0...100_000),
                seed: UInt64(try arguments.intOption("--seed", default: 20_241_020, range: 0...Int.max)))
        case "lookups":
            action = .lookups
        default:
            throw CLIError("border demo needs feed or lookups")
        }
        try arguments.finish()
    }

    func run() throws {
        switch action {
        case .feed(let day, let arrivals, let departures, let seed):
            let plan = DemoDay(day: day, arrivals: arrivals, departures: departures, seed: seed)
            let earlier = try DemoFeeder(client: client).send(plan.earlierArrivals)
            let today = try DemoFeeder(client: client).send(plan.movements)
            print("recorded \(earlier.recorded) earlier arrivals of travellers departing on \(day)")
            print("recorded \(today.recorded) crossings at APW on \(day): \(today.summary)")
            print("events appended: \(earlier.recorded + today.recorded); anomalies marked: \(today.anomalies)")
        case .lookups:
            try DemoLookups(client: client).run()
        }
    }
}
