import BorderDomain
import BorderTime
import HTTPServer

/// Visa and permit decisions, and a supervisor's overstay flags, corrections and voids.
extension BorderAPI {
    func grantPermit(_ call: Call) throws(APIError) -> HTTPResponse {
        let fields: Set<String> = ["document", "kind", "category", "validFrom", "validUntil", "maximumStayDays"]
        return try submit(call, fields: fields) { reader throws(APIError) in
            let grant = PermitGrant(
                kind: try Self.kind(reader), category: try reader.code("category", lowercase: true),
                validFrom: try reader.day("validFrom"), validUntil: try reader.day("validUntil"),
                maximumStayDays: try reader.optionalInt("maximumStayDays", in: 1...3650))
            return (try DocumentReference.stream(reader), .grantPermit(grant, at: .now()))
        }
    }

    func refusePermit(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "kind", "category", "reason"]) { reader throws(APIError) in
            let refusal = PermitRefusal(
                kind: try Self.kind(reader), category: try reader.code("category", lowercase: true),
                reason: try reader.text("reason"))
            return (try DocumentReference.stream(reader), .refusePermit(refusal, at: .now()))
        }
    }

    func extendPermit(_ call: Call) throws(APIError) -> HTTPResponse {
        let fields: Set<String> = ["document", "permitId", "validUntil", "maximumStayDays"]
        return try submit(call, fields: fields) { reader throws(APIError) in
            let change = PermitExtension(
                permitId: try reader.code("permitId", lowercase: true), validUntil: try reader.day("validUntil"),
                maximumStayDays: try reader.optionalInt("maximumStayDays", in: 1...3650))
            return (try DocumentReference.stream(reader), .extendPermit(change, at: .now()))
        }
    }

    func cancelPermit(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "permitId", "reason"]) { reader throws(APIError) in
            let withdrawal = Withdrawal(
                id: try reader.code("permitId", lowercase: true), reason: try reader.text("reason"))
            return (try DocumentReference.stream(reader), .cancelPermit(withdrawal, at: .now()))
        }
    }

    func flagOverstay(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "reason"]) { reader throws(APIError) in
            (try DocumentReference.stream(reader), .flagOverstay(reason: try reader.text("reason"), at: .now()))
        }
    }

    func clearOverstay(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "reason"]) { reader throws(APIError) in
            (try DocumentReference.stream(reader), .clearOverstay(reason: try reader.text("reason"), at: .now()))
        }
    }

    func correctCrossing(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "target", "changes", "reason"]) { reader throws(APIError) in
            let changes = try reader.nested("changes", allowed: ["occurredAt", "port", "carrier", "flight", "purpose"])
            let correction = try CorrectionRequest.read(
                changes, target: try reader.int("target", in: 1...Int64.max), reason: try reader.text("reason"))
            return (try DocumentReference.stream(reader), .correctCrossing(correction, at: .now()))
        }
    }

    func voidCrossing(_ call: Call) throws(APIError) -> HTTPResponse {
        try submit(call, fields: ["document", "target", "reason"]) { reader throws(APIError) in
            let command = TravellerCommand.voidCrossing(
                target: try reader.int("target", in: 1...Int64.max), reason: try reader.text("reason"), at: .now())
            return (try DocumentReference.stream(reader), command)
        }
    }

    static func kind(_ reader: BodyReader) throws(APIError) -> Permit.Kind {
        guard let kind = Permit.Kind(rawValue: try reader.string("kind")) else {
            throw APIError(.invalidField, "kind must be visa or permit", field: reader.prefix + "kind")
        }
        return kind
    }
}

/// The changed fields of a correction, each checked as a crossing checks it.
enum CorrectionRequest {
    static func read(_ changes: BodyReader, target: Int64, reason: String) throws(APIError) -> Correction {
        let occurredAt = try changes.optionalString("occurredAt").map { _ throws(APIError) in
            let value = try changes.timestamp("occurredAt")
            try CrossingRequest.checkPlausible(value, now: .now(), field: "changes.occurredAt")
            return value
        }
        let port = try changes.optionalString("port")
        if let port, Port.named(port) == nil {
            throw APIError(.unknownPort, "port is not a known port of entry", field: "changes.port")
        }
        let purpose = try changes.optionalString("purpose").map { text throws(APIError) in
            guard let purpose = Purpose(rawValue: text) else {
                let allowed = Purpose.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.invalidField, "purpose must be one of \(allowed)", field: "changes.purpose")
            }
            return purpose
        }
        return Correction(
            target: target, occurredAt: occurredAt, port: port,
            carrier: try CrossingRequest.code(
                changes.optionalString("carrier"), field: "changes.carrier", pattern: 2...3),
            flight: try CrossingRequest.code(changes.optionalString("flight"), field: "changes.flight", pattern: 3...8),
            purpose: purpose, reason: reason)
    }
}
