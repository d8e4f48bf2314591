import BorderDomain
import JSON

/// An accreditation list as CSV (RFC 4180): a header row naming the columns, then one delegate
/// per row. Columns: accreditationId, summit, delegation, role, issuingState, documentNumber,
/// validFrom, validUntil; and, for the expected holder, optionally primaryIdentifier,
/// secondaryIdentifiers (separated by spaces), nationality, dateOfBirth (any order; no others).
enum AccreditationList {
    static let columns = [
        "accreditationId", "summit", "delegation", "role", "issuingState", "documentNumber", "validFrom", "validUntil",
    ]
    static let holderColumns = ["primaryIdentifier", "secondaryIdentifiers", "nationality", "dateOfBirth"]
    static let maxRows = 5000

    struct Row {
        var line: Int
        var stream: String
        var accreditation: Accreditation
        var canonical: [UInt8]
    }

    static func parse(_ body: [UInt8]) throws(APIError) -> [Row] {
        // A byte order mark, as spreadsheets write one, is not part of the header.
        let bytes = body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(.malformedBody, "the list is not UTF-8 text")
        }
        let records = try CSV.records(text)
        guard let header = records.first else { throw APIError(.malformedBody, "the list is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let holder = Set(names).subtracting(columns)
        let holderValid = holder.isEmpty || holder.contains("primaryIdentifier") && holder.contains("nationality")
        guard Set(names).isSuperset(of: columns), holder.isSubset(of: holderColumns), holderValid,
            Set(names).count == names.count
        else {
            throw APIError(
                .malformedBody,
                "the header must name the columns \(columns.joined(separator: ",")) once each, and may add "
                    + "\(holderColumns.joined(separator: ",")) (primaryIdentifier and nationality together)",
                field: "header")
        }
        guard records.count > 1 else { throw APIError(.malformedBody, "the list has no rows") }
        guard records.count <= maxRows + 1 else {
            throw APIError(.bodyTooLarge, "a list may have at most \(maxRows) rows", field: "body")
        }
        var seen = [String: Int]()
        var rows = [Row]()
        for record in records.dropFirst() {
            let row = try self.row(record, names: names)
            // A badge number is one delegate's: the same one twice in a list is a mistake.
            let key = row.accreditation.id
            if let first = seen[key] {
                throw APIError(
                    .invalidField, "row \(row.line) repeats the accreditation of row \(first)",
                    field: "row \(row.line): accreditationId")
            }
            seen[key] = row.line
            rows.append(row)
        }
        return rows
    }

    /// A row as the JSON body of `POST /v1/accreditations` would be, holder columns in `holder`.
    private static func rowObject(names: [String], fields: [String]) -> JSON {
        var object = [String: JSON]()
        var holder = [String: JSON]()
        for (name, value) in zip(names, fields) {
            switch name {
            case "secondaryIdentifiers": holder[name] = .array(value.split(separator: " ").map { .string(String($0)) })
            case "dateOfBirth": holder[name] = value.isEmpty ? .null : .string(value)
            case _ where holderColumns.contains(name): holder[name] = .string(value)
            default: object[name] = .string(value)
            }
        }
        if !holder.isEmpty {
            if holder["secondaryIdentifiers"] == nil { holder["secondaryIdentifiers"] = [] }
            object["holder"] = .object(holder)
        }
        return .object(object)
    }

    private static func row(_ record: CSV.Record, names: [String]) throws(APIError) -> Row {
        guard record.fields.count == names.count else {
            throw APIError(
                .malformedBody, "row \(record.line) has \(record.fields.count) fields, the header \(names.count)",
                field: "row \(record.line)")
        }
        let object = rowObject(names: names, fields: record.fields)
        do {
            let reader = try BodyReader(object.serialized(), allowed: Set(columns + ["holder"]))
            let document = try BodyReader(
                JSON.object(["issuingState": object["issuingState"]!, "documentNumber": object["documentNumber"]!])
                    .serialized(), allowed: DocumentReference.fields)
            let stream = StreamName.traveller(
                issuingState: try DocumentReference.state(document, "issuingState"),
                documentNumber: try DocumentReference.number(document, "documentNumber"))
            return Row(
                line: record.line, stream: stream, accreditation: try BorderAPI.accreditation(reader),
                canonical: reader.canonical)
        } catch {
            var named = error
            named.field = "row \(record.line): \(error.field ?? "row")"
            throw named
        }
    }
}
