import BorderDomain
import EventStore
import Foundation

/// The tables every read model has, which the runtime relies on: its checkpoint and its lease.
/// A read model's migration writes `{{checkpoint}}` and `{{lease}}` where they are created.
enum ReadModelTables {
    static let checkpoint = """
        CREATE TABLE {{schema}}.checkpoint (
            singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
            position BIGINT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            CONSTRAINT checkpoint_one_row CHECK (singleton)
        );

        COMMENT ON TABLE {{schema}}.checkpoint IS
            'The last log position applied to this read model; moved in the same transaction as the changes.';

        INSERT INTO {{schema}}.checkpoint (position) VALUES (0);
        """

    static let lease = """
        CREATE TABLE {{schema}}.lease (
            singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
            holder TEXT,
            expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
            CONSTRAINT lease_one_row CHECK (singleton)
        );

        COMMENT ON TABLE {{schema}}.lease IS
            'Which projector process owns this read model, until when. The owner renews it every second; '
            'a standby takes over once it has expired. A row, not a session advisory lock, so that it '
            'also holds behind a transaction-pooling proxy.';

        INSERT INTO {{schema}}.lease DEFAULT VALUES;

        GRANT SELECT, UPDATE ON {{schema}}.lease TO border_app;
        """

    /// `sql` with the shared tables written in and `{{schema}}` replaced by `schema`.
    static func expand(_ sql: String, schema: String) -> String {
        sql.replacingOccurrences(of: "{{checkpoint}}", with: checkpoint)
            .replacingOccurrences(of: "{{lease}}", with: lease)
            .replacingOccurrences(of: "{{schema}}", with: schema)
    }
}

extension Projection {
    /// The traveller event recorded at `event`'s position; nil for a type no traveller stream
    /// holds (skipped, not fatal).
    func travellerEvent(_ event: RecordedEvent) throws -> TravellerEvent? {
        do {
            return try TravellerEvent(type: event.type, data: try event.data(), occurredAt: event.occurredAt)
        } catch {
            throw ProjectionError(.unreadableEvent, "\(name): event at position \(event.position): \(error)")
        }
    }
}
