import BorderDomain
import BorderTime
import EventStore
import Foundation
import HTTPServer
import JSON

extension BorderAPI {
    /// Reads a command's JSON body, carries out the command it describes on a traveller's stream,
    /// and answers 201 with the outcome (the first outcome again for a retry of the same key).
    func submit(
        _ call: Call, fields: Set<String>, _ build: (BodyReader) throws(APIError) -> (String, TravellerCommand)
    ) throws(APIError) -> HTTPResponse {
        try requireContentType(call.request)
        var context = try CommandContext(call.request, caller: try call.authenticated())
        let reader = try BodyReader(call.request.body, allowed: fields)
        let (stream, command) = try build(reader)
        context.identify(canonicalBody: reader.canonical)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try recorder.record(command, stream: stream, context: context)
        metrics.observeAppend(seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        return Self.created(result, commandID: context.id)
    }

    static func created(_ result: AppendResult, commandID: String) -> HTTPResponse {
        var body: [String: JSON] = [
            "stream": .string(result.stream), "position": .int(result.lastPosition),
            "version": .int(result.streamVersion), "commandId": .string(commandID),
        ]
        for (key, value) in result.answer.objectValue ?? [:] { body[key] = value }
        let headers = result.replayed ? [("Idempotent-Replayed", "true")] : []
        return .json(.object(body), status: 201, headers: headers)
    }

    func recordCrossing(_ call: Call, direction: Crossing.Direction) throws(APIError) -> HTTPResponse {
        try submit(call, fields: CrossingRequest.fields) { reader throws(APIError) in
            let parsed = try CrossingRequest(reader, direction: direction)
            let document = parsed.crossing.document
            let stream = StreamName.traveller(
                issuingState: document.issuingState, documentNumber: document.documentNumber)
            return (stream, .recordCrossing(parsed.crossing, residentOf: parsed.residentOf))
        }
    }
}
