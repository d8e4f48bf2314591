import BorderDomain
import BorderTime
import HTTPServer
import JSON

extension BorderAPI {
    /// `GET /v1/travellers/search?name=&nationality=&dateOfBirth=&limit=`: travellers without
    /// the document, by a name tolerant of spelling and transliteration (`Müller` finds
    /// `MUELLER`), and/or by nationality and date of birth. A name, or both of the others, is needed.
    func searchTravellers(_ call: Call) throws(APIError) -> HTTPResponse {
        let query = call.request.query
        let known = ["name", "nationality", "dateOfBirth", "limit"]
        try QueryParameters.refuseUnknown(query, known: known)
        let name = try query["name"].map { text throws(APIError) in try Self.searchName(text) }
        let nationality = try query["nationality"].map { text throws(APIError) in
            guard (1...3).contains(text.utf8.count), text.utf8.allSatisfy({ (65...90).contains($0) }) else {
                throw APIError(.invalidField, "nationality must be a 1 to 3 letter ICAO code", field: "nationality")
            }
            return text
        }
        let dateOfBirth = try query["dateOfBirth"].map { text throws(APIError) in
            guard let day = CivilDay(iso: text) else {
                throw APIError(.invalidField, "dateOfBirth must be a date YYYY-MM-DD that exists", field: "dateOfBirth")
            }
            return day.description
        }
        guard name != nil || (nationality != nil && dateOfBirth != nil) else {
            throw APIError(.missingField, "give name, or nationality and dateOfBirth", field: "name")
        }
        let limit = try Self.limit(query["limit"])
        do {
            let matches = try pool.withReadConnection { connection in
                try lookup.search(
                    name: name, nationality: nationality, dateOfBirth: dateOfBirth, limit: limit, on: connection)
            }
            return .json(["matches": .array(matches)], status: 200)
        } catch {
            throw APIError(.unavailable, "the officer lookup is unavailable")
        }
    }

    /// 2 to 100 letters (any script), spaces, hyphens or apostrophes, in search form.
    static func searchName(_ text: String) throws(APIError) -> String {
        let allowed = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || " -'".unicodeScalars.contains($0) }
        let form = MRZ.searchForm(of: text)
        guard allowed, (2...100).contains(text.count), form.count >= 2 else {
            throw APIError(
                .invalidField, "name must be 2 to 100 letters, spaces, hyphens or apostrophes", field: "name")
        }
        return form
    }

    static func limit(_ text: String?) throws(APIError) -> Int {
        guard let text else { return 20 }
        guard let limit = Int(text), (1...100).contains(limit) else {
            throw APIError(.invalidField, "limit must be a whole number from 1 to 100", field: "limit")
        }
        return limit
    }
}
