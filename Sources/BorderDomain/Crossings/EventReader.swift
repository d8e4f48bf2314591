import BorderTime
import JSON

/// Reads the fields of a stored event's JSON, failing with the event and field named.
struct EventReader {
    let json: JSON
    let event: String

    init(_ json: JSON, event: String) {
        self.json = json
        self.event = event
    }

    func string(_ field: String) throws(DomainError) -> String {
        guard let value = json[field]?.stringValue else { throw missing(field) }
        return value
    }

    func optionalString(_ field: String) throws(DomainError) -> String? {
        switch json[field] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw missing(field)
        }
    }

    /// An ISO date (`YYYY-MM-DD`) that exists in the calendar.
    func date(_ field: String) throws(DomainError) -> String {
        let text = try string(field)
        guard CivilDay(iso: text) != nil else { throw missing(field) }
        return text
    }

    func optionalDate(_ field: String) throws(DomainError) -> String? {
        guard let text = try optionalString(field) else { return nil }
        guard CivilDay(iso: text) != nil else { throw missing(field) }
        return text
    }

    func strings(_ field: String) throws(DomainError) -> [String] {
        guard let values = json[field]?.arrayValue else { throw missing(field) }
        var strings = [String]()
        for value in values {
            guard let string = value.stringValue else { throw missing(field) }
            strings.append(string)
        }
        return strings
    }

    func object(_ field: String) throws(DomainError) -> JSON {
        guard let value = json[field], value.objectValue != nil else { throw missing(field) }
        return value
    }

    private func missing(_ field: String) -> DomainError {
        DomainError(.unreadableEvent, field: "\(event).\(field)", "stored \(event) has no readable \(field)")
    }
}
