import BorderDomain
import BorderTime
import Foundation
import HTTPClient
import JSON

/// Distinct, valid arrivals for load: client `c`'s `n`th request carries a TD3 passport whose
/// number no other request of the run uses, and an idempotency key naming run, client and count.
struct LoadTraffic: Sendable {
    let run: String
    static let states = ["NZL", "AUS", "FJI", "TON", "GBR", "USA", "JPN", "CHN"]
    static let birth = CalendarDate(year: 1980, month: 1, day: 2)!
    static let expiry = CalendarDate(year: 2031, month: 6, day: 30)!

    init(run: String = String(UUID().uuidString.prefix(6))) {
        self.run = run
    }

    func documentNumber(client: Int, count: Int) -> String {
        "\(run.prefix(1))\(String(format: "%02d%06d", client % 100, count % 1_000_000))"
    }

    func state(client: Int, count: Int) -> String { Self.states[(client + count) % Self.states.count] }

    func key(client: Int, count: Int) -> String { "load-\(run)-\(client)-\(count)" }

    func arrival(client: Int, count: Int) -> String {
        let state = state(client: client, count: count)
        let mrz = MRZ.makeTD3(
            issuingState: state, primaryIdentifier: "LOAD", secondaryIdentifiers: ["CLIENT"],
            documentNumber: documentNumber(client: client, count: count), nationality: state,
            dateOfBirth: Self.birth, sex: .female, dateOfExpiry: Self.expiry)
        let body: JSON = [
            "mrz": .array(mrz.map { .string($0) }), "port": "APW",
            "occurredAt": .string(occurredAt(client: client, count: count)),
            "carrier": "NZ", "flight": "NZ990", "purpose": "holiday",
        ]
        return body.serializedString()
    }

    /// The same for every send of one request, so that a retry is the same request.
    func occurredAt(client: Int, count: Int) -> String {
        let base: Int64 = 1_735_689_600  // 2025-01-01T00:00:00Z
        return Timestamp(microseconds: (base + Int64(client * 100_000 + count)) * 1_000_000).description
    }

    /// Posts one arrival; returns the HTTP status (0 when the connection failed).
    func post(client: Int, count: Int, with http: HTTPClient) -> Int {
        let headers = [("Idempotency-Key", key(client: client, count: count)), ("X-Terminal-Id", "load-\(client)")]
        return (try? http.post("/v1/arrivals", json: arrival(client: client, count: count), headers: headers))?.status
            ?? 0
    }
}
