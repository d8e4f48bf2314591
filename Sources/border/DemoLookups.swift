import BorderTime
import DemoTraffic
import Foundation
import HTTPClient
import JSON

/// Prints a few officer lookups the way a desk terminal would show them. The demo's travellers
/// are generated, so printing their names here is printing no one's personal data.
struct DemoLookups {
    let client: HTTPClient
    let day: CivilDay
    let seed: UInt64

    func run() throws {
        try waitForProjector(seconds: 60)
        let plan = DemoDay(day: day, arrivals: 420, departures: 380, seed: seed)
        var travellers = [DemoTraveller.specimen]
        travellers += plan.movements.filter { $0.direction == "arrival" }.prefix(2).map(\.traveller)
        travellers += plan.movements.filter { $0.direction == "departure" }.prefix(1).map(\.traveller)
        for traveller in travellers {
            let target = "/v1/travellers?document=\(traveller.documentNumber)&nationality=\(traveller.nationality)"
            let response = try client.request("GET", target)
            guard response.status == 200, let body = try? JSON.parse(response.body) else {
                print("lookup \(traveller.nationality) document: HTTP \(response.status) \(response.text)")
                continue
            }
            print(Self.describe(body))
        }
    }

    /// Waits until the officer lookup has applied the whole log, so the lookups show the day.
    private func waitForProjector(seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let health = try? JSON.parse(try client.request("GET", "/health").body)
            if let lag = health?["projections"]?["officer-lookup"]?["lag"]?.intValue, lag == 0 { return }
            usleep(100_000)
        }
        throw CLIError("the officer lookup projector did not catch up within \(Int(seconds)) s")
    }

    static func describe(_ body: JSON) -> String {
        let names = (body["secondaryIdentifiers"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")
        let presence = body["inCountry"]?.boolValue == true ? "IN COUNTRY" : "not in country"
        var lines = [
            "\(body["primaryIdentifier"]?.stringValue ?? "?"), \(names)  "
                + "[\(body["nationality"]?.stringValue ?? "?") \(body["document"]?.stringValue ?? "?")]  \(presence)"
        ]
        var flags = (body["anomalies"]?.arrayValue ?? []).compactMap(\.stringValue)
        if body["overstayFlagged"]?.boolValue == true { flags.insert("OVERSTAY FLAGGED", at: 0) }
        if !flags.isEmpty { lines.append("  flags: \(flags.joined(separator: ", "))") }
        for crossing in body["crossings"]?.arrayValue ?? [] {
            let fields = ["occurredAt", "direction", "port", "flight"].map { crossing[$0]?.stringValue ?? "-" }
            lines.append("  \(fields.joined(separator: "  "))")
        }
        return lines.joined(separator: "\n")
    }
}
