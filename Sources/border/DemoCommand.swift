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
        case lookups(day: CivilDay, seed: UInt64)
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
            var client = try HTTPClient(url: url)
            client.bearerToken = try arguments.option("--token") ?? ProcessInfo.processInfo.environment["BORDER_TOKEN"]
            guard client.bearerToken != nil else {
                throw CLIError("border demo needs a token: --token T or BORDER_TOKEN (border token create)")
            }
            self.client = client
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("--url: \(error)")
        }
        let dateText = try arguments.option("--date") ?? "2024-10-20"
        guard let day = CivilDay(iso: dateText) else { throw CLIError("--date must be YYYY-MM-DD") }
        // Each day has travellers of its own unless a seed is given.
        let daySeed = Int(day.year * 10_000 + day.month * 100 + day.day)
        let seed = UInt64(try arguments.intOption("--seed", default: daySeed, range: 0...Int.max))
        switch verb {
        case "feed":
            action = .feed(
                day: day, arrivals: try arguments.intOption("--arrivals", default: 420, range: 0...100_000),
                departures: try arguments.intOption("--departures", default: 380, range: 0...100_000), seed: seed)
        case "lookups":
            action = .lookups(day: day, seed: seed)
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
            let replayed = earlier.replayed + today.replayed
            print(
                "events appended: \(earlier.recorded + today.recorded - replayed); "
                    + "already recorded by an earlier run (answered from the first outcome): \(replayed); "
                    + "anomalies marked: \(today.anomalies)")
        case .lookups(let day, let seed):
            try DemoLookups(client: client, day: day, seed: seed).run()
        }
    }
}
