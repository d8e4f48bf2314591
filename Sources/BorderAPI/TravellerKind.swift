import BorderDomain
import EventStore
import Snapshots

extension AggregateKind where Aggregate == Traveller {
    /// How a traveller's stream is rebuilt, from a snapshot or from its first event.
    public static let traveller = AggregateKind(
        stateSchemaVersion: Traveller.stateSchemaVersion, empty: { Traveller() },
        restore: { try Traveller(snapshot: $0) }, snapshot: { $0.snapshot },
        apply: { traveller, recorded in
            let data = try recorded.data()
            if let event = try TravellerEvent(type: recorded.type, data: data, occurredAt: recorded.occurredAt) {
                traveller.apply(event)
            }
        })
}
