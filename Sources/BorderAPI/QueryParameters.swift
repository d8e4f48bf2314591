import BorderTime

/// Checks shared by the routes that take query parameters.
enum QueryParameters {
    /// Refuses a parameter not in `known`, naming it when it is a short plain word (else `query`,
    /// so that no odd text from the caller comes back in the answer).
    static func refuseUnknown(_ query: [String: String], known: [String]) throws(APIError) {
        guard let unknown = query.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let named =
            unknown.utf8.count <= 40 && unknown.utf8.allSatisfy { (97...122).contains($0) || (65...90).contains($0) }
        throw APIError(
            .unknownField, "this route takes the query parameters \(known.joined(separator: ", "))",
            field: named ? unknown : "query")
    }

    /// The day in parameter `name`, required.
    static func day(_ query: [String: String], _ name: String) throws(APIError) -> CivilDay {
        guard let text = query[name] else { throw APIError(.missingField, "\(name) is required", field: name) }
        guard let day = CivilDay(iso: text) else {
            throw APIError(.invalidField, "\(name) must be a date YYYY-MM-DD that exists", field: name)
        }
        return day
    }
}
