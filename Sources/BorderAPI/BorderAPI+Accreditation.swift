import BorderDomain
import BorderTime
import EventStore
import HTTPServer
import JSON

/// The summit accreditation desk: accredit a delegate, revoke an accreditation, import a list.
extension BorderAPI {
    static let accreditationFields: Set<String> = [
        "document", "accreditationId", "summit", "delegation", "role", "validFrom", "validUntil", "holder",
    ]
    static let holderFields: Set<String> = ["primaryIdentifier", "secondaryIdentifiers", "nationality", "dateOfBirth"]

    func accredit(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: Self.accreditationFields) { reader throws(APIError) in
            (try DocumentReference.stream(reader), .accredit(try Self.accreditation(reader), at: .now()))
        }
    }

    func revokeAccreditation(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "accreditationId", "reason"]) { reader throws(APIError) in
            let withdrawal = Withdrawal(id: try reader.code("accreditationId"), reason: try reader.text("reason"))
            return (try DocumentReference.stream(reader), .revokeAccreditation(withdrawal, at: .now()))
        }
    }

    static func accreditation(_ reader: BodyReader) throws(APIError) -> Accreditation {
        guard let role = Accreditation.Role(rawValue: try reader.string("role")) else {
            let roles = Accreditation.Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.invalidField, "role must be one of \(roles)", field: reader.prefix + "role")
        }
        return Accreditation(
            id: try reader.code("accreditationId"), summit: try reader.code("summit"),
            delegation: try DocumentReference.state(reader, "delegation"), role: role,
            validFrom: try reader.day("validFrom"), validUntil: try reader.day("validUntil"),
            holder: try holder(reader))
    }

    /// Who the delegation says holds the document: optional, each part checked like a document's.
    static func holder(_ reader: BodyReader) throws(APIError) -> Accreditation.Holder? {
        guard let value = reader.fields["holder"], value != .null else { return nil }
        let holder = try reader.nested("holder", allowed: holderFields)
        let dateOfBirth = try holder.optionalString("dateOfBirth").map { _ throws(APIError) in
            try holder.day("dateOfBirth").description
        }
        return Accreditation.Holder(
            primaryIdentifier: try DocumentFields.name(
                holder.string("primaryIdentifier"), field: "holder.primaryIdentifier"),
            secondaryIdentifiers: try DocumentFields.names(holder.strings("secondaryIdentifiers"), prefix: "holder."),
            nationality: try DocumentReference.state(holder, "nationality"), dateOfBirth: dateOfBirth)
    }

    /// `POST /v1/accreditations/imports` (text/csv): every row is checked, and decided against
    /// the record it names, before anything is stored; one bad row refuses the whole list, naming
    /// the row and field. Each row is then its own command (key: the import's key and the row
    /// number), so re-sending the same list after a failure stores each row once.
    func importAccreditations(_ call: Call) throws(APIError) -> HTTPResponse {
        try requireContentType(call.request, "text/csv")
        let context = try CommandContext(call.request, caller: try call.authenticated())
        let rows = try AccreditationList.parse(call.request.body)
        var commands = [(stream: String, command: TravellerCommand, context: CommandContext)]()
        for row in rows {
            var rowContext = context
            rowContext.id = "\(context.id):row\(row.line)"
            rowContext.correlationID = context.correlationID
            rowContext.identify(canonicalBody: row.canonical)
            commands.append((row.stream, .accredit(row.accreditation, at: .now()), rowContext))
        }
        try precheck(commands, lines: rows.map(\.line))
        var results = [JSON]()
        var replayed = true
        for (index, item) in commands.enumerated() {
            let result = try recorder.record(item.command, stream: item.stream, context: item.context)
            replayed = replayed && result.replayed
            results.append([
                "row": .int(Int64(rows[index].line)), "stream": .string(result.stream),
                "position": .int(result.lastPosition), "replayed": .bool(result.replayed),
            ])
        }
        let headers = replayed ? [("Idempotent-Replayed", "true")] : []
        return .json(["commandId": .string(context.id), "imported": .array(results)], status: 201, headers: headers)
    }

    /// Decides every row against its stream as it stands, storing nothing, so that a row a rule
    /// refuses refuses the list before any row is stored. A row whose key was used before is a
    /// retry: the same row is not decided again; a changed row refuses the list.
    private func precheck(
        _ commands: [(stream: String, command: TravellerCommand, context: CommandContext)], lines: [Int]
    )
        throws(APIError)
    {
        do {
            try pool.withReadConnection { connection in
                for (index, item) in commands.enumerated() {
                    do {
                        // A row accepted before under its key is a retry: answered, not decided again.
                        if let stored = try store.storedCommand(id: item.context.id, on: connection) {
                            guard stored.requestHash == item.context.requestHash else {
                                throw APIError(
                                    .idempotencyKeyReused, "this list's key was used before with another row here",
                                    field: "Idempotency-Key")
                            }
                            continue
                        }
                        _ = try recorder.decide(
                            item.command, stream: item.stream, context: item.context, on: connection)
                    } catch let error as APIError {
                        var named = error
                        named.field = "row \(lines[index]): \(error.field ?? "row")"
                        throw named
                    }
                }
            }
        } catch {
            throw APIError(recording: error)
        }
    }
}
