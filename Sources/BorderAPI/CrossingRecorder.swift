import BorderDomain
import BorderTime
import EventStore
import JSON
import Postgres
import Snapshots

/// Records a crossing on the traveller's stream: loads the stream, decides, appends with the
/// version it loaded, and decides again on a concurrent append (up to a few times).
struct CrossingRecorder: Sendable {
    let store: EventStore
    let pool: PostgresPool
    let writer: GroupCommitWriter
    let loader: AggregateLoader<Traveller>
    static let attempts = 5

    func record(_ crossing: Crossing, command: CommandContext) throws(APIError) -> (AppendResult, TravellerEvent) {
        let stream = StreamName.traveller(
            issuingState: crossing.document.issuingState, documentNumber: crossing.document.documentNumber)
        do {
            return try pool.withConnection { connection in
                var attempt = 1
                while true {
                    do {
                        return try recordOnce(crossing, stream: stream, command: command, on: connection)
                    } catch let error as EventStoreError where error.code == .conflict && attempt < Self.attempts {
                        attempt += 1
                    }
                }
            }
        } catch let error as EventStoreError {
            throw APIError(storeError: error)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(storeError: EventStoreError(.unavailable, "database unavailable: \(error)"))
        }
    }

    private func recordOnce(
        _ crossing: Crossing, stream: String, command: CommandContext, on connection: PostgresConnection
    )
        throws -> (AppendResult, TravellerEvent)
    {
        let (traveller, version) = try loader.load(stream: stream, on: connection)
        let event = traveller.decide(crossing)
        let newEvent = NewEvent(
            type: event.type, schemaVersion: TravellerEvent.currentSchemaVersion, data: event.data,
            metadata: command.metadata(port: crossing.port), occurredAt: event.occurredAt)
        let answer: JSON = [
            "type": .string(event.type), "anomalies": .array(event.crossing.anomalies.map { .string($0.rawValue) }),
        ]
        let request = AppendRequest(
            stream: stream, expected: version == 0 ? .noStream : .exactly(version),
            events: [newEvent], command: command.key(answer: answer))
        return (try writer.append(request), event)
    }
}

extension APIError {
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
