import Audit
import BorderAPI
import EventStore
import Postgres

/// `border audit history DOCUMENT [--issuing-state S]`: the whole timeline of each traveller
/// holding that document number. Without the issuing state, the officer lookup says which
/// issuing states hold that number; the timeline itself is read from the log.
struct HistoryCommand {
    let document: String
    let issuingState: String?

    func run(on connection: PostgresConnection) throws {
        guard document.utf8.count <= 30, document.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
        else { throw CLIError("the document number must be up to 30 upper-case letters or digits") }
        let states = try issuingState.map { [$0] } ?? issuingStates(on: connection)
        guard !states.isEmpty else {
            throw CLIError("no traveller on record holds that document; give --issuing-state to read the log directly")
        }
        var found = false
        for state in states {
            let stream = StreamName.traveller(issuingState: state, documentNumber: document)
            let events = try EventStore().read(stream: stream, on: connection)
            guard !events.isEmpty else { continue }
            found = true
            let timeline = try TravellerTimeline(stream: stream, events: events)
            print("\(stream) (issued by \(state)): \(events.count) events")
            print("in occurred order (what happened, as the record now stands):")
            for line in timeline.occurredOrder { print("  " + line) }
            print("in recorded order (what the system knew, when):")
            for line in timeline.recordedOrder { print("  " + line) }
        }
        if !found { throw CLIError("the log holds no stream for that document and issuing state") }
    }

    private func issuingStates(on connection: PostgresConnection) throws -> [String] {
        try connection.query(
            "SELECT DISTINCT issuing_state FROM officer_lookup.travellers WHERE document_number = $1 ORDER BY 1",
            [document], context: "find issuing states"
        ).map { try $0.string(0) }
    }
}
