import DemoTraffic
import EventStore
import Foundation
import HTTPClient
import JSON
import Locking
import Postgres
import Synchronization

/// Sends movements to the API from a few threads, as several desks would, each with its own
/// Idempotency-Key, and counts the outcomes.
struct DemoFeeder {
    struct Tally: Sendable {
        var recorded = 0
        var arrivals = 0
        var departures = 0
        var anomalies = 0
        var replayed = 0
        var failures = [String]()

        var summary: String { "\(arrivals) arrivals, \(departures) departures" }
    }

    let client: HTTPClient
    let desks = 4

    func send(_ movements: [DemoDay.Movement]) throws -> Tally {
        let tally = Locked(Tally())
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for desk in 0..<desks {
            group.enter()
            Thread {
                defer { group.leave() }
                while case let index = next.add(1, ordering: .relaxed).oldValue, index < movements.count {
                    let outcome = Self.post(movements[index], desk: desk, client: client)
                    tally.withLock { $0.count(outcome, direction: movements[index].direction) }
                }
            }.start()
        }
        group.wait()
        let result = tally.withLock { $0 }
        if let failure = result.failures.first {
            throw CLIError("\(result.failures.count) of \(movements.count) crossings failed; first: \(failure)")
        }
        return result
    }

    static func post(_ movement: DemoDay.Movement, desk: Int, client: HTTPClient)
        -> Result<(answer: JSON, replayed: Bool), HTTPClient.Failure>
    {
        let body: JSON = [
            "mrz": .array(movement.traveller.mrz.map { .string($0) }), "port": "APW",
            "occurredAt": .string(movement.occurredAt.description), "carrier": .string(movement.carrier),
            "flight": .string(movement.flight), "purpose": .string(movement.traveller.purpose),
        ]
        // The key names the traveller by a digest, not by the document number: keys end up in
        // events' metadata and in logs, where personal data does not belong.
        let traveller = SHA256.hash(
            Array("\(movement.traveller.nationality)/\(movement.traveller.documentNumber)".utf8))
        let key = "demo-\(movement.direction)-\(Hex.encode(traveller.prefix(8)))"
        let headers = [
            ("Idempotency-Key", key + "-\(movement.occurredAt.microseconds)"),
            ("X-Terminal-Id", "APW-desk-\(desk + 1)"),
        ]
        let path = movement.direction == "arrival" ? "/v1/arrivals" : "/v1/departures"
        let response: HTTPClient.Response
        do {
            response = try client.post(path, json: body.serializedString(), headers: headers)
        } catch {
            return .failure(error)
        }
        guard response.status == 201, let answer = try? JSON.parse(response.body) else {
            return .failure(HTTPClient.Failure(description: "HTTP \(response.status): \(response.text)"))
        }
        return .success((answer, response.headers["idempotent-replayed"] == "true"))
    }
}

extension DemoFeeder.Tally {
    mutating func count(_ outcome: Result<(answer: JSON, replayed: Bool), HTTPClient.Failure>, direction: String) {
        switch outcome {
        case .success(let (answer, wasReplayed)):
            recorded += 1
            if wasReplayed { replayed += 1 }
            if direction == "arrival" { arrivals += 1 } else { departures += 1 }
            anomalies += answer["anomalies"]?.arrayValue?.count ?? 0
        case .failure(let failure):
            failures.append(failure.description)
        }
    }
}
