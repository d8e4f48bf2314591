import BorderDomain
import BorderTime
import EventStore
import JSON
import Postgres
import Snapshots

/// Carries out a command on a traveller's stream: loads the stream, decides, appends with the
/// version it loaded, and decides again on a concurrent append (up to a few times).
struct TravellerRecorder: Sendable {
    let store: EventStore
    let pool: PostgresPool
    let writer: GroupCommitWriter
    let loader: AggregateLoader<Traveller>
    let rules: EntryRules
    static let attempts = 5

    private enum Decision {
        case append(AppendRequest)
        case answered(AppendResult)
    }

    func record(_ command: TravellerCommand, stream: String, context: CommandContext) throws(APIError)
        -> AppendResult
    {
        do {
            var attempt = 1
            while true {
                // The pooled connection is given back before the append waits for its group
                // commit: holding it would cap appends in flight, and starve reads, at the pool's size.
                let decision: Decision = try pool.withReadConnection { connection in
                    do {
                        return .append(try decide(command, stream: stream, context: context, on: connection))
                    } catch let error as APIError where context.idempotent {
                        // A retry of a command that was accepted is answered its first outcome,
                        // even when the record now refuses the command (an accreditation given).
                        return .answered(try replay(context, refusal: error, on: connection))
                    }
                }
                switch decision {
                case .answered(let result): return result
                case .append(let request):
                    if let result = try append(request, decidingAgainOnConflict: attempt < Self.attempts) {
                        return result
                    }
                    attempt += 1
                }
            }
        } catch {
            throw APIError(recording: error)
        }
    }

    /// The append's result, or nil after a conflict when the command is to be decided again.
    private func append(_ request: AppendRequest, decidingAgainOnConflict: Bool) throws -> AppendResult? {
        do {
            return try writer.append(request)
        } catch {
            guard error.code == .conflict, decidingAgainOnConflict else { throw error }
            return nil
        }
    }

    private func replay(_ context: CommandContext, refusal: APIError, on connection: PostgresConnection) throws
        -> AppendResult
    {
        guard let stored = try store.storedCommand(id: context.id, on: connection) else { throw refusal }
        guard stored.requestHash == context.requestHash else {
            throw EventStoreError(.idempotencyKeyReused, "the idempotency key was used before for a different request")
        }
        return stored.result
    }

    /// The append a command makes, decided on the stream as it stands now.
    func decide(_ command: TravellerCommand, stream: String, context: CommandContext, on connection: PostgresConnection)
        throws -> AppendRequest
    {
        let (traveller, version) = try loader.load(stream: stream, on: connection)
        let events: [TravellerEvent]
        do {
            events = try traveller.decide(command, rules: rules)
        } catch {
            throw APIError(domain: error)
        }
        // Every event of a crossing (the arrival, the permit it brought) names the crossing's port.
        let port = events.compactMap(\.crossing).first?.port
        let newEvents = events.map { event in
            NewEvent(
                type: event.type, schemaVersion: TravellerEvent.currentSchemaVersion, data: event.data,
                metadata: context.metadata(port: port), occurredAt: event.occurredAt)
        }
        return AppendRequest(
            stream: stream, expected: version == 0 ? .noStream : .exactly(version), events: newEvents,
            command: context.key(answer: Self.answer(events, after: version)))
    }

    /// What the client is told, now and on every retry: the events with their versions, the
    /// anomalies of a crossing, the permit granted.
    static func answer(_ events: [TravellerEvent], after version: Int64) -> JSON {
        var answer: [String: JSON] = [
            "type": .string(events.first?.type ?? ""),
            "events": .array(
                events.enumerated().map { ["type": .string($1.type), "version": .int(version + Int64($0) + 1)] }),
        ]
        if let crossing = events.first?.crossing {
            answer["anomalies"] = .array(crossing.anomalies.map { .string($0.rawValue) })
        }
        for case .permitGranted(let permit, _) in events { answer["permit"] = permit.json }
        return .object(answer)
    }
}

extension APIError {
    init(recording error: any Error) {
        switch error {
        case let error as APIError: self = error
        case let error as EventStoreError: self.init(storeError: error)
        default: self.init(storeError: EventStoreError(.unavailable, "database unavailable: \(error)"))
        }
    }

    init(domain error: DomainError) {
        let code: Code =
            switch error.code {
            case .invalidDocument: .invalidDocument
            case .unknownPort: .unknownPort
            case .invalidField: .invalidField
            case .missingField: .missingField
            case .notFound: .notFound
            case .refused: .refused
            case .unreadableEvent: .internalError
            }
        self.init(code, code == .internalError ? "the record could not be read" : error.message, field: error.field)
    }

    init(storeError error: EventStoreError) {
        self.init(mapping: error)
        cause = "\(error.code)"
    }

    private init(mapping error: EventStoreError) {
        switch error.code {
        case .conflict: self.init(.conflict, error.message)
        case .idempotencyKeyReused: self.init(.idempotencyKeyReused, error.message, field: "Idempotency-Key")
        case .outcomeUnknown: self.init(.outcomeUnknown, error.message)
        case .lockTimeout, .unavailable:
            self.init(.unavailable, "the event store is unavailable; retry with the same Idempotency-Key")
        case .corrupt, .database: self.init(.internalError, "the event store refused the append")
        }
    }
}
