import JSON
import Postgres

extension OfficerLookup {
    /// Travellers by name (trigram similarity on the names in search form, best first), and/or by
    /// nationality and date of birth. `name` must already be in search form (`MRZ.searchForm`).
    public func search(
        name: String?, nationality: String?, dateOfBirth: String?, limit: Int = 20, on connection: PostgresConnection
    ) throws -> [JSON] {
        // Two statements rather than one with `$1 IS NULL OR ...`, so that each keeps its index.
        let byName = """
            SELECT stream, issuing_state, document_number, nationality, primary_identifier,
                secondary_identifiers::text, date_of_birth, in_country,
                round(public.similarity(full_name, $1)::numeric, 3)::text
            FROM \(schema).travellers
            WHERE full_name OPERATOR(public.%) $1
                AND ($2::text IS NULL OR nationality = $2) AND ($3::text IS NULL OR date_of_birth = $3)
            ORDER BY public.similarity(full_name, $1) DESC, stream LIMIT $4
            """
        let byBirth = """
            SELECT stream, issuing_state, document_number, nationality, primary_identifier,
                secondary_identifiers::text, date_of_birth, in_country, NULL
            FROM \(schema).travellers
            WHERE nationality = $2 AND date_of_birth = $3 AND $1::text IS NULL
            ORDER BY primary_identifier, stream LIMIT $4
            """
        let rows = try connection.query(
            name == nil ? byBirth : byName, [name, nationality, dateOfBirth, String(limit)],
            context: "search travellers")
        return try rows.map { row in
            [
                "stream": .string(try row.string(0)), "issuingState": .string(try row.string(1)),
                "document": .string(try row.string(2)), "nationality": .string(try row.string(3)),
                "primaryIdentifier": .string(try row.string(4)),
                "secondaryIdentifiers": .array(PostgresArray.parse(try row.string(5)).map { .string($0) }),
                "dateOfBirth": .optional(row[6]), "inCountry": .bool(try row.bool(7)),
                "similarity": row[8].flatMap { Double($0) }.map { .double($0) } ?? .null,
            ]
        }
    }
}
