import BorderTime
import HTTPServer
import JSON
import Postgres
import Projections

/// `GET /v1/delegations...` and `/v1/delegates/expected`: the summit delegates read model, for
/// the accreditation desk and the other readers.
extension BorderAPI {
    /// Every member state and every other accredited delegation, with their counts.
    func delegations(_ call: Call) throws(APIError) -> HTTPResponse {
        try QueryParameters.refuseUnknown(call.request.query, known: ["summit"])
        let summit = try Self.summit(call.request.query)
        let list = try readDelegates { try delegatesModel.delegations(summit: summit, on: $0) }
        return .json(["summit": .string(summit), "delegations": .array(list)], status: 200)
    }

    /// One delegation: its counts, and its delegates with their crossings.
    func delegation(_ call: Call) throws(APIError) -> HTTPResponse {
        try QueryParameters.refuseUnknown(call.request.query, known: ["summit"])
        let summit = try Self.summit(call.request.query)
        let code = call.parameters["code"] ?? ""
        guard (1...3).contains(code.utf8.count), code.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw APIError(.invalidField, "code must be 1 to 3 upper-case letters", field: "code")
        }
        let found = try readDelegates { try delegatesModel.delegation(code, summit: summit, on: $0) }
        guard var delegation = found?.objectValue else {
            throw APIError(.notFound, "no member state or delegation accredited to the summit has that code")
        }
        delegation["summit"] = .string(summit)
        return .json(.object(delegation), status: 200)
    }

    /// Delegates accredited (not revoked) and valid on the day `on`, not yet seen arriving.
    func expectedDelegates(_ call: Call) throws(APIError) -> HTTPResponse {
        try QueryParameters.refuseUnknown(call.request.query, known: ["summit", "on"])
        let summit = try Self.summit(call.request.query)
        let day = try QueryParameters.day(call.request.query, "on")
        let list = try readDelegates { try delegatesModel.expected(summit: summit, on: day, on: $0) }
        let body: JSON = ["summit": .string(summit), "on": .string(day.description), "delegates": .array(list)]
        return .json(body, status: 200)
    }

    /// `summit`: required, as the accreditation desk writes it (`CHOGM2024`).
    private static func summit(_ query: [String: String]) throws(APIError) -> String {
        guard let summit = query["summit"] else { throw APIError(.missingField, "summit is required", field: "summit") }
        let allowed = { (byte: UInt8) in (48...57).contains(byte) || (65...90).contains(byte) || byte == 45 }
        guard (1...32).contains(summit.utf8.count), summit.utf8.allSatisfy(allowed) else {
            throw APIError(
                .invalidField, "summit must be 1 to 32 upper-case letters, digits or hyphens", field: "summit")
        }
        return summit
    }

    private func readDelegates<T>(_ body: (PostgresConnection) throws -> T) throws(APIError) -> T {
        do {
            return try pool.withReadConnection { connection in
                try connection.withTransaction(context: "summit delegates", begin: Self.snapshotRead) { try body($0) }
            }
        } catch {
            throw APIError(.unavailable, "the summit delegates read model is unavailable")
        }
    }
}
