/// Query strings: like bodies, a parameter a route does not take is refused, named only when it
/// looks like a parameter name (so nothing else a client sent comes back in the error).
enum QueryParameters {
    static func refuseUnknown(_ query: [String: String], known: [String]) throws(APIError) {
        guard let unknown = query.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let named =
            unknown.utf8.count <= 40 && unknown.utf8.allSatisfy { (97...122).contains($0) || (65...90).contains($0) }
        throw APIError(
            .unknownField, "this route takes the query parameters \(known.joined(separator: ", "))",
            field: named ? unknown : "query")
    }
}
