import BorderDomain
import Postgres

extension OfficerLookupPage {
    /// One row per traveller of the page, from the last crossing's document: what applying the
    /// page's upserts one by one leaves. Sent in binary, as the crossings are. Its last position
    /// is that of the stream's last event in the page, crossing or not, so that a build need not
    /// move it again (`movePositions`).
    func upsertTravellers() -> PostgresConnection.Statement {
        let streams = travellers.keys.sorted()
        let rows = streams.map { travellers[$0]! }
        func column(_ value: (DocumentFacts) -> String?) -> [UInt8]? {
            PostgresBinaryArray.text(rows.map(value)).bytes
        }
        return .init(
            """
            INSERT INTO \(schema).travellers (stream, issuing_state, document_number, nationality, document_code,
                primary_identifier, secondary_identifiers, date_of_birth, sex, date_of_expiry, last_position,
                full_name)
            SELECT stream, issuing_state, document_number, nationality, document_code, primary_identifier,
                secondary_identifiers::text[], date_of_birth, sex, date_of_expiry, last_position, full_name
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[])
                AS t(stream, issuing_state, document_number, nationality, document_code, primary_identifier,
                    secondary_identifiers, date_of_birth, sex, date_of_expiry, last_position, full_name)
            ON CONFLICT (stream) DO UPDATE SET
                nationality = excluded.nationality, document_code = excluded.document_code,
                primary_identifier = excluded.primary_identifier,
                secondary_identifiers = excluded.secondary_identifiers, date_of_birth = excluded.date_of_birth,
                sex = excluded.sex, date_of_expiry = excluded.date_of_expiry, last_position = excluded.last_position,
                full_name = excluded.full_name
            """,
            binary: [
                PostgresBinaryArray.text(streams).bytes, column(\.issuingState), column(\.documentNumber),
                column(\.nationality), column(\.documentCode), column(\.primaryIdentifier),
                column { PostgresArray.literal($0.secondaryIdentifiers) }, column(\.dateOfBirth), column(\.sex),
                column(\.dateOfExpiry), PostgresBinaryArray.int8(streams.map { lastPositions[$0]! }).bytes,
                column {
                    MRZ.searchForm(of: ([$0.primaryIdentifier] + $0.secondaryIdentifiers).joined(separator: " "))
                },
            ])
    }

    /// Presence follows the crossing that occurred last, so a late-recorded earlier crossing does
    /// not flip it; anomalies are the union over the traveller's crossings. Worked out from the
    /// traveller's rows as they stand, so the last refresh of a traveller decides.
    func refreshPresence() -> PostgresConnection.Statement {
        .init(
            """
            UPDATE \(schema).travellers AS t SET
                last_position = greatest(t.last_position, page.position),
                \(OfficerLookup.presenceAssignments(schema))
            FROM unnest($1::text[], $2::bigint[]) AS page(stream, position)
            WHERE t.stream = page.stream
            """,
            [PostgresArray.literal(touched), PostgresArray.literal(touched.map { String(lastPositions[$0] ?? 0) })])
    }

    /// What a page of a build from the log writes instead: the last position only, presence
    /// being worked out once for every traveller at the end (`OfficerLookup.finishBuilding`);
    /// nil when every stream the page touched crossed in it (the upsert moved their positions).
    func movePositions() -> PostgresConnection.Statement? {
        let moved = touched.filter { travellers[$0] == nil }
        guard !moved.isEmpty else { return nil }
        return .init(
            """
            UPDATE \(schema).travellers AS t SET last_position = page.position
            FROM unnest($1::text[], $2::bigint[]) AS page(stream, position)
            WHERE t.stream = page.stream AND t.last_position < page.position
            """,
            [PostgresArray.literal(moved), PostgresArray.literal(moved.map { String(lastPositions[$0] ?? 0) })])
    }
}

extension OfficerLookup {
    /// The SET list of presence, anomalies and authorised-until for traveller row `t`.
    static func presenceAssignments(_ schema: String) -> String {
        """
        in_country = coalesce((
                    SELECT direction = 'arrival' FROM \(schema).crossings WHERE stream = t.stream AND NOT voided
                    ORDER BY occurred_at DESC, position DESC LIMIT 1), FALSE),
                anomalies = coalesce((
                    SELECT array_agg(DISTINCT anomaly ORDER BY anomaly)
                    FROM \(schema).crossings, unnest(anomalies) AS anomaly
                    WHERE stream = t.stream AND NOT voided), '{}'),
                authorised_until = (
                    SELECT max(valid_until) FROM (
                        SELECT valid_until FROM \(schema).permits WHERE stream = t.stream AND NOT cancelled
                        UNION ALL
                        SELECT valid_until FROM \(schema).accreditations WHERE stream = t.stream AND NOT revoked
                    ) AS limits
                    WHERE valid_until >= (
                        SELECT (occurred_at AT TIME ZONE 'UTC')::date FROM \(schema).crossings
                        WHERE stream = t.stream AND direction = 'arrival' AND NOT voided
                        ORDER BY occurred_at DESC, position DESC LIMIT 1))
        """
    }
}
