import BorderTime

/// Checks shared by the routes that take query parameters.
enum QueryParameters {
    /// Refuses a parameter not in `known`, naming it only when it looks like a field name (else
    /// `query`, so that nothing else the caller put there comes back in the answer).
    static func refuseUnknown(_ query: [String: String], known: [String]) throws(APIError) {
        if let repeated = query.keys.sorted().first(where: { query[$0]!.utf8.contains(0) }) {
            let named = APIError.looksLikeFieldName(repeated)
            throw APIError(
                .invalidField, "\(named ? repeated : "a query parameter") is given more than once",
                field: named ? repeated : "query")
        }
        guard let unknown = query.keys.sorted().first(where: { !known.contains($0) }) else { return }
        throw APIError(
            .unknownField, "this route takes the query parameters \(known.joined(separator: ", "))",
            field: APIError.looksLikeFieldName(unknown) ? unknown : "query")
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
