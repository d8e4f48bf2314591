import BorderDomain
import EventStore
import Postgres

/// A page of events for the summit delegates, sent to the server in one pipeline: the page's
/// statements in log order, each run of crossings as one INSERT, then one refresh of the
/// movements of every stream the page changed.
///
/// This gives the tables that applying the events one by one (each followed by a refresh of its
/// stream) gives: the statements run in the same order, and a refresh is worked out from the
/// stream's rows as they stand, so the last one of a stream, after the whole page, writes what
/// the one after its last event would have, over whatever the earlier ones wrote.
struct DelegatesPage: EventPage {
    let delegates: Delegates
    private var changes = [PostgresConnection.Statement]()
    private var crossings = DelegateCrossings()
    private var touched = [String]()
    private var seen = Set<String>()

    init(delegates: Delegates) {
        self.delegates = delegates
    }

    mutating func add(_ event: TravellerEvent, recorded: RecordedEvent) {
        let stream = recorded.stream
        switch event {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            crossings.append(crossing, recorded)
        case .delegateAccredited(let accreditation, let at):
            append(delegates.accredit(accreditation, at: at, stream: stream))
        case .accreditationRevoked(let withdrawal, _): append(delegates.revoke(withdrawal.id, stream: stream))
        case .crossingCorrected(let correction, _): append(delegates.correct(correction, stream: stream))
        case .crossingVoided(let target, _, _): append(delegates.void(version: target, stream: stream))
        default: return
        }
        if seen.insert(stream).inserted { touched.append(stream) }
    }

    /// The page's statements in log order, then the refresh of every stream it changed.
    mutating func statements() -> [PostgresConnection.Statement] {
        guard !touched.isEmpty else { return [] }
        endCrossings()
        // Planned for each page's values: a plan cached while the tables were small (a rebuild
        // starts from empty ones) would go on scanning them whole as they grow.
        let planning = PostgresConnection.Statement("SET LOCAL plan_cache_mode = force_custom_plan")
        return [planning] + changes + [delegates.refreshMovements(streams: touched)]
    }

    private mutating func append(_ statement: PostgresConnection.Statement) {
        endCrossings()
        changes.append(statement)
    }

    private mutating func endCrossings() {
        guard !crossings.isEmpty else { return }
        changes.append(delegates.record(crossings))
        crossings = DelegateCrossings()
    }
}

/// The columns of a run of crossings, for one INSERT ... FROM unnest(...).
struct DelegateCrossings {
    private var positions = [String]()
    private var streams = [String]()
    private var versions = [String]()
    private var directions = [String]()
    private var ports = [String]()
    private var carriers = [String?]()
    private var flights = [String?]()
    private var occurredAt = [String]()
    private var days = [String]()
    private var anomalies = [String]()

    var isEmpty: Bool { positions.isEmpty }

    mutating func append(_ crossing: Crossing, _ event: RecordedEvent) {
        positions.append(String(event.position))
        streams.append(event.stream)
        versions.append(String(event.version))
        directions.append(crossing.direction.rawValue)
        ports.append(crossing.port)
        carriers.append(crossing.carrier)
        flights.append(crossing.flight)
        occurredAt.append(String(crossing.occurredAt.microseconds))
        days.append(crossing.occurredAt.civilDay.description)
        anomalies.append(PostgresArray.literal(crossing.anomalies.map(\.rawValue)))
    }

    /// $1 to $10 of `Delegates.record`.
    var parameters: [String?] {
        [positions, streams, versions, directions, ports].map { PostgresArray.literal($0) }
            + [PostgresArray.literal(carriers), PostgresArray.literal(flights)]
            + [occurredAt, days, anomalies].map { PostgresArray.literal($0) }
    }
}
