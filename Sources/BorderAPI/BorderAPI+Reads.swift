import EventStore
import HTTPServer
import JSON
import Postgres

/// Reading records: the officer lookup, and a traveller's stream as the log holds it.
extension BorderAPI {
    static let snapshotRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"

    func findTraveller(_ call: Call) throws(APIError) -> HTTPResponse {
        let request = call.request
        try QueryParameters.refuseUnknown(request.query, known: ["document", "nationality"])
        guard let document = request.query["document"], !document.isEmpty else {
            throw APIError(.missingField, "document is required", field: "document")
        }
        guard document.utf8.count <= 30, document.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
        else {
            throw APIError(.invalidField, "document must be up to 30 upper-case letters or digits", field: "document")
        }
        let nationality = request.query["nationality"]
        if let nationality,
            !(1...3).contains(nationality.utf8.count) || !nationality.utf8.allSatisfy({ (65...90).contains($0) })
        {
            throw APIError(.invalidField, "nationality must be a 1 to 3 letter ICAO code", field: "nationality")
        }
        let matches: [JSON]
        do {
            // One snapshot for the several queries of a lookup, so that an answer never mixes
            // the read model before and after a projector's batch.
            matches = try pool.withReadConnection { connection in
                try lookup.travellers(
                    documentNumber: document, nationality: nationality, begin: Self.snapshotRead, on: connection)
            }
        } catch {
            throw APIError(.unavailable, "the officer lookup is unavailable")
        }
        switch matches.count {
        case 0: throw APIError(.notFound, "no traveller on record holds that document")
        case 1: return .json(matches[0], status: 200)
        default: throw APIError(.ambiguous, "several travellers hold that document number; give nationality")
        }
    }

    /// `GET /v1/travellers/{stream}/events`: every event of the stream, in order, with its
    /// metadata, occurred and recorded times: what an auditor or supervisor reads a record by.
    func history(_ call: Call) throws(APIError) -> HTTPResponse {
        try QueryParameters.refuseUnknown(call.request.query, known: [])
        let stream = call.parameters["stream"] ?? ""
        guard stream.utf8.count == 42, stream.hasPrefix("traveller-"),
            stream.utf8.dropFirst(10).allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else {
            throw APIError(.invalidField, "stream must be a traveller stream name", field: "stream")
        }
        let events: [RecordedEvent]
        do {
            events = try pool.withReadConnection { try store.read(stream: stream, on: $0) }
        } catch {
            throw APIError(.unavailable, "the event store is unavailable")
        }
        guard !events.isEmpty else { throw APIError(.notFound, "no such stream") }
        var items = [JSON]()
        for event in events {
            guard let data = try? event.data(), let metadata = try? event.metadata() else {
                throw APIError(.internalError, "an event of the stream could not be read")
            }
            items.append([
                "position": .int(event.position), "version": .int(event.version), "type": .string(event.type),
                "schemaVersion": .int(Int64(event.schemaVersion)), "occurredAt": .string(event.occurredAt.description),
                "recordedAt": .string(event.recordedAt.description), "data": data, "metadata": metadata,
            ])
        }
        return .json(["stream": .string(stream), "events": .array(items)], status: 200)
    }

    /// `POST /v1/tokens` (admin): a new token for a name and role, shown once.
    func createToken(_ call: Call) throws(APIError) -> HTTPResponse {
        try requireContentType(call.request)
        let reader = try BodyReader(call.request.body, allowed: ["name", "role"])
        let name = try reader.string("name")
        guard TokenStore.isValidName(name) else {
            throw APIError(.invalidField, "name must be 1 to 64 letters, digits or . _ @ -", field: "name")
        }
        guard let role = Role(rawValue: try reader.string("role")) else {
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.invalidField, "role must be one of \(roles)", field: "role")
        }
        do {
            let token = try pool.withConnection { try authenticator.store.create(name: name, role: role, on: $0) }
            return .json(["name": .string(name), "role": .string(role.rawValue), "token": .string(token)], status: 201)
        } catch is TokenStore.NameTaken {
            throw APIError(.conflict, "an active token already has this name; revoke it first", field: "name")
        } catch {
            throw APIError(.unavailable, "the token store is unavailable")
        }
    }
}
