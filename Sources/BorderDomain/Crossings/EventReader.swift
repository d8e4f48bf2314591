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

    /// An ISO date as a ``CivilDay``.
    func day(_ field: String) throws(DomainError) -> CivilDay {
        guard let day = CivilDay(iso: try string(field)) else { throw missing(field) }
        return day
    }

    func int(_ field: String) throws(DomainError) -> Int64 {
        guard let value = json[field]?.intValue else { throw missing(field) }
        return value
    }

    func optionalInt(_ field: String) throws(DomainError) -> Int64? {
        switch json[field] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        default: throw missing(field)
        }
    }

    /// The error for a field that is present but not one of the values it may take.
    func unreadable(_ field: String) -> DomainError { missing(field) }

    private func missing(_ field: String) -> DomainError {
        DomainError(.unreadableEvent, field: "\(event).\(field)", "stored \(event) has no readable \(field)")
    }
}
