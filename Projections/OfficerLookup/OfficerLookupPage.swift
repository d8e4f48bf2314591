import BorderDomain
import EventStore
import Postgres

/// A page of events for the officer lookup, gathered into a few set-based statements that go
/// to the server in one pipeline: the page costs one round trip, not several per event.
///
/// The statements run in three steps, which give the same tables as applying the events one by
/// one: first the rows the page adds (travellers, last document seen winning; crossings; permits;
/// accreditations), then the changes to existing rows in log order (extensions, cancellations,
/// revocations, overstay flags, corrections, voids), then presence once per traveller touched.
/// Adding rows first is sound because a decision only ever names a crossing, permit or
/// accreditation recorded before it in its stream (the domain refuses any other).
struct OfficerLookupPage: EventPage {
    let schema: String
    /// In a build from the log, presence is worked out once at the end, not page by page.
    var defersPresence = false
    var travellers = [String: DocumentFacts]()
    private var crossings = CrossingColumns()
    private var permits = PermitColumns()
    private var accreditations = AccreditationColumns()
    private var changes = [PostgresConnection.Statement]()
    var touched = [String]()
    /// The last log position of the page in each touched stream, for `last_position`.
    var lastPositions = [String: Int64]()
    private var seen = Set<String>()

    init(schema: String, defersPresence: Bool = false) {
        self.schema = schema
        self.defersPresence = defersPresence
    }

    mutating func add(_ event: TravellerEvent, recorded: RecordedEvent) {
        if seen.insert(recorded.stream).inserted { touched.append(recorded.stream) }
        lastPositions[recorded.stream] = recorded.position
        if let crossing = event.crossing {
            travellers[recorded.stream] = crossing.document
            crossings.append(crossing, recorded)
            return
        }
        switch event {
        case .permitGranted(let permit, _): permits.append(permit, stream: recorded.stream)
        case .delegateAccredited(let accreditation, _): accreditations.append(accreditation, stream: recorded.stream)
        default:
            if let change = change(event, stream: recorded.stream) { changes.append(change) }
        }
    }

    /// The page's statements, in the three steps above.
    func statements() -> [PostgresConnection.Statement] {
        guard !touched.isEmpty else { return [] }
        // The page's statements run once each per page, so planning them afresh costs little; a
        // plan cached while the tables were small (a rebuild starts from empty ones) would
        // otherwise go on scanning them whole as they grow.
        var statements: [PostgresConnection.Statement] = [.init("SET LOCAL plan_cache_mode = force_custom_plan")]
        if !travellers.isEmpty { statements.append(upsertTravellers()) }
        if !crossings.stream.isEmpty { statements.append(crossings.insert(into: schema)) }
        if !permits.stream.isEmpty { statements.append(permits.insert(into: schema)) }
        if !accreditations.stream.isEmpty { statements.append(accreditations.insert(into: schema)) }
        statements += changes
        if !defersPresence {
            statements.append(refreshPresence())
        } else if let move = movePositions() {
            statements.append(move)
        }
        return statements
    }
}
