import BorderDomain
import BorderTime
import EventStore
import JSON

/// A traveller's whole record as an auditor reads it: every event of the stream, in occurred-at
/// order (what happened, as the record now stands) and in recorded-at order (what the system
/// knew, when), with each correction and void shown beside the crossing it changes.
public struct TravellerTimeline: Sendable {
    public struct Entry: Sendable {
        public var event: RecordedEvent
        public var decoded: TravellerEvent?
        public var actor: String
    }

    public let stream: String
    public let entries: [Entry]

    public init(stream: String, events: [RecordedEvent]) throws {
        self.stream = stream
        entries = try events.map { event in
            let metadata = try event.metadata()
            let actor = [metadata["role"]?.stringValue, metadata["actor"]?.stringValue].compactMap { $0 }
                .joined(separator: " ")
            return Entry(
                event: event,
                decoded: try TravellerEvent(type: event.type, data: try event.data(), occurredAt: event.occurredAt),
                actor: actor.isEmpty ? "unknown" : actor)
        }
    }

    /// Lines in occurred-at order; corrections and voids come right under their crossing.
    public var occurredOrder: [String] {
        let amendments = Dictionary(grouping: entries.filter { Self.target(of: $0) != nil }) { Self.target(of: $0)! }
        return entries.filter { Self.target(of: $0) == nil }.sorted { $0.event.occurredAt < $1.event.occurredAt }
            .flatMap { entry in
                [Self.line(entry, time: entry.event.occurredAt)]
                    + (amendments[entry.event.version] ?? []).map { "      ↳ " + Self.summary(of: $0) + Self.by($0) }
            }
    }

    /// Lines in recorded-at (log position) order.
    public var recordedOrder: [String] {
        entries.map { "position \($0.event.position)  " + Self.line($0, time: $0.event.recordedAt) }
    }

    static func line(_ entry: Entry, time: Timestamp) -> String {
        "\(time)  v\(entry.event.version)  \(summary(of: entry))\(by(entry))"
    }

    static func by(_ entry: Entry) -> String {
        "  [occurred \(entry.event.occurredAt), recorded \(entry.event.recordedAt), by \(entry.actor)]"
    }

    static func target(of entry: Entry) -> Int64? {
        switch entry.decoded {
        case .crossingCorrected(let correction, _)?: correction.target
        case .crossingVoided(let target, _, _)?: target
        default: nil
        }
    }

    static func summary(of entry: Entry) -> String {
        guard let event = entry.decoded else { return "\(entry.event.type) (a type this version does not know)" }
        switch event {
        case .arrivalRecorded(let crossing), .departureRecorded(let crossing):
            let flight = crossing.flight.map { " on \($0)" } ?? ""
            let marks =
                crossing.anomalies.isEmpty
                ? "" : "; marked " + crossing.anomalies.map(\.rawValue).joined(separator: ", ")
            return "\(crossing.direction) at \(crossing.port)\(flight)\(marks)"
        case .permitGranted(let permit, _):
            return "\(permit.id) granted: \(permit.kind) \(permit.category) \(permit.validFrom) to \(permit.validUntil)"
        case .permitRefused(let refusal, _): return "\(refusal.kind) \(refusal.category) refused: \(refusal.reason)"
        case .permitExtended(let change, _): return "\(change.permitId) extended to \(change.validUntil)"
        case .permitCancelled(let withdrawal, _): return "\(withdrawal.id) cancelled: \(withdrawal.reason)"
        case .overstayFlagged(let reason, let source, _): return "overstay flagged (\(source)): \(reason)"
        case .overstayCleared(let reason, _): return "overstay cleared: \(reason)"
        case .crossingCorrected(let correction, _):
            let fields = correction.changedFields.joined(separator: ", ")
            return "v\(correction.target) corrected (\(fields)): \(correction.reason)"
        case .crossingVoided(let target, let reason, _): return "v\(target) voided: \(reason)"
        case .delegateAccredited(let accreditation, _):
            return "accredited \(accreditation.id) to \(accreditation.summit) with \(accreditation.delegation) as "
                + "\(accreditation.role.rawValue), \(accreditation.validFrom) to \(accreditation.validUntil)"
        case .accreditationRevoked(let withdrawal, _):
            return "accreditation \(withdrawal.id) revoked: \(withdrawal.reason)"
        }
    }
}
