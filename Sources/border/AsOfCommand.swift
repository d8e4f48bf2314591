import BorderTime
import EventStore
import Foundation
import JSON
import Postgres
import Projections

/// `border audit as-of`: builds a read model from the log up to a moment into a scratch schema
/// and answers its usual queries there.
///
/// A moment is a log position, or a time. By default a time is recorded time: the read model as
/// the system knew it then (every event the store had accepted by that time). With `--occurred`
/// it is occurred time: what had happened by then as far as the log now knows, including
/// crossings recorded later (an offline port uploading two days late).
struct AsOfCommand {
    enum Moment {
        case position(Int64)
        case recorded(Timestamp)
        case occurred(Timestamp)
    }

    enum Question {
        case document(String, nationality: String?)
        case inCountry(limit: Int)
    }

    let moment: Moment
    let question: Question
    let projection: any Projection

    init(_ arguments: inout Arguments) throws(CLIError) {
        guard let text = arguments.next() else { throw CLIError("border audit as-of needs a time or a position") }
        let occurred = arguments.flag("--occurred")
        if let position = Int64(text), position >= 0 {
            guard !occurred else { throw CLIError("--occurred takes a time, not a position") }
            moment = .position(position)
        } else if let time = Timestamp(rfc3339: text) {
            moment = occurred ? .occurred(time) : .recorded(time)
        } else {
            throw CLIError("as-of takes a position or an RFC 3339 time such as 2024-10-24T09:00:00Z")
        }
        // The questions below are the officer lookup's; other read models have none here yet.
        let name = try arguments.option("--projection") ?? "officer-lookup"
        guard name == "officer-lookup", let projection = ProjectCommand.projections.first(where: { $0.name == name })
        else {
            throw CLIError("--projection: as-of answers the officer lookup's questions; it takes officer-lookup")
        }
        self.projection = projection
        if let document = try arguments.option("--document") {
            question = .document(document, nationality: try arguments.option("--nationality"))
        } else if arguments.flag("--in-country") {
            question = .inCountry(limit: try arguments.intOption("--limit", default: 50, range: 1...100_000))
        } else {
            throw CLIError("as-of needs a question: --document D [--nationality N], or --in-country")
        }
    }

    func run() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let (last, admits) = try bound(on: connection)
        Interruption.watch(cancelling: [connection])
        let scratch = try ScratchBuild.build(
            projection, upTo: last, admits: admits, fromSnapshot: admits == nil, on: connection
        ) { _ in try Interruption.check() }
        defer { try? scratch.drop(on: connection) }
        let start = scratch.startedFrom.map { "the read-model snapshot at position \($0)" } ?? "the first event"
        print("as of \(describe(last)): \(projection.name) rebuilt from \(start) into \(scratch.projection.schema)")
        guard let lookup = scratch.projection as? OfficerLookup else { return }
        switch question {
        case .document(let document, let nationality):
            let matches = try lookup.travellers(documentNumber: document, nationality: nationality, on: connection)
            if matches.isEmpty { print("no traveller on record then holds that document") }
            for match in matches { print(match.serializedString()) }
        case .inCountry(let limit):
            let rows = try connection.query(
                """
                SELECT nationality, document_number, primary_identifier, array_to_string(secondary_identifiers, ' '),
                    count(*) OVER ()
                FROM \(lookup.schema).travellers WHERE in_country
                ORDER BY nationality, document_number LIMIT $1
                """, [String(limit)])
            let total = try rows.first?.int64(4) ?? 0
            print("in the country: \(total) travellers")
            for row in rows {
                print("  \(row[0] ?? "") \(row[1] ?? "")  \(row[2] ?? ""), \(row[3] ?? "")")
            }
            if total > Int64(rows.count) { print("  ... and \(total - Int64(rows.count)) more (--limit N shows more)") }
        }
    }

    private func bound(on connection: PostgresConnection) throws -> (Int64, (@Sendable (RecordedEvent) -> Bool)?) {
        let head = try EventStore().head(on: connection).position
        switch moment {
        case .position(let position):
            return (min(position, head), nil)
        case .recorded(let time):
            return (try EventStore().lastPosition(recordedBy: time, on: connection), nil)
        case .occurred(let time):
            return (head, { $0.occurredAt <= time })
        }
    }

    private func describe(_ last: Int64) -> String {
        switch moment {
        case .position: "position \(last)"
        case .recorded(let time): "recorded time \(time) (log position \(last))"
        case .occurred(let time): "occurred time \(time) (every event up to position \(last) that had happened by then)"
        }
    }
}
