import BorderDomain
import BorderTime
import EventStore
import Postgres

/// A run of events for the statistics that need nothing read back from the read model:
/// crossings, permit grants and refusals, overstay flags. They are gathered into a few
/// set-based statements, sent in one pipeline, which give the same tables as applying the
/// events one by one (`Statistics.apply(_ event:)`):
///
/// - a run holds no correction, void, extension or cancellation (those read the row they change,
///   so `Statistics` ends the run before each and applies it alone), so every count in it only
///   grows, and summing a bucket's counts before adding them gives what adding one at a time does;
/// - presence is refreshed once per traveller, after every crossing of the run is in, which is
///   what the last of the one-by-one refreshes computed;
/// - presence and overstay flags write different columns of a traveller's row, so their order
///   does not matter, and of several flags of one traveller the last stands.
struct StatisticsPage {
    let schema: String
    private(set) var isEmpty = true
    private(set) var crossings = [(position: Int64, traveller: Int64, crossing: Crossing, bucket: CrossingBucket)]()
    private(set) var daily = [CrossingBucket: Int64]()
    private(set) var monthly = [CrossingBucket: Int64]()
    private(set) var permits = [(traveller: Int64, permit: Permit)]()
    private(set) var decisions = [DecisionBucket: Int64]()
    private(set) var flags = [Int64: Bool]()
    private(set) var flagOrder = [Int64]()
    private(set) var present = [Int64]()
    private var presentSeen = Set<Int64>()

    init(schema: String) {
        self.schema = schema
    }

    /// Events this page can take; the others need a row read back first.
    static func gathers(_ event: TravellerEvent) -> Bool {
        switch event {
        case .arrivalRecorded, .departureRecorded, .permitGranted, .permitRefused, .overstayFlagged,
            .overstayCleared:
            true
        default: false
        }
    }

    mutating func add(_ event: TravellerEvent, at position: Int64, traveller: Int64) {
        isEmpty = false
        switch event {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            let bucket = CrossingBucket(crossing)
            crossings.append((position, traveller, crossing, bucket))
            daily[bucket, default: 0] += 1
            var month = bucket
            month.day = bucket.month
            monthly[month, default: 0] += 1
            if presentSeen.insert(traveller).inserted { present.append(traveller) }
        case .permitGranted(let permit, let at):
            permits.append((traveller, permit))
            decisions[DecisionBucket(at, permit.kind.rawValue, permit.category, "granted"), default: 0] += 1
        case .permitRefused(let refusal, let at):
            decisions[DecisionBucket(at, refusal.kind.rawValue, refusal.category, "refused"), default: 0] += 1
        case .overstayFlagged, .overstayCleared:
            if flags.updateValue(event.isOverstayFlag, forKey: traveller) == nil { flagOrder.append(traveller) }
        default:
            preconditionFailure("StatisticsPage.add takes only what StatisticsPage.gathers admits")
        }
    }

    /// The run's statements, in the order that applying its events one by one writes them.
    var statements: [PostgresConnection.Statement] {
        guard !isEmpty else { return [] }
        var statements: [PostgresConnection.Statement] = [.init("SET LOCAL plan_cache_mode = force_custom_plan")]
        if !crossings.isEmpty {
            statements += [
                insertCrossings(), count(daily, into: "crossings_daily", key: "day"),
                count(monthly, into: "crossings_monthly", key: "month"),
                Statistics(schema: schema).refreshPresence(of: present),
            ]
        }
        if !permits.isEmpty { statements.append(insertPermits()) }
        if !decisions.isEmpty { statements.append(countDecisions()) }
        if !flags.isEmpty { statements.append(setFlags()) }
        return statements
    }
}

/// The bucket a permit decision is counted in.
struct DecisionBucket: Hashable {
    var day: CivilDay
    var kind: String
    var category: String
    var decision: String

    init(_ at: Timestamp, _ kind: String, _ category: String, _ decision: String) {
        day = at.civilDay
        self.kind = kind
        self.category = category
        self.decision = decision
    }
}

extension CrossingBucket {
    init(_ crossing: Crossing) {
        self.init(
            day: crossing.occurredAt.civilDay, port: crossing.port, nationality: crossing.document.nationality,
            purpose: crossing.purpose?.rawValue ?? Statistics.unstated, direction: crossing.direction.rawValue)
    }
}

extension TravellerEvent {
    var isOverstayFlag: Bool {
        if case .overstayFlagged = self { true } else { false }
    }
}
