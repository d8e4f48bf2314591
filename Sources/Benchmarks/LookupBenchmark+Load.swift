import Postgres

extension LookupBenchmark {
    /// Empties the officer lookup and loads the travellers with set-based INSERTs, then ANALYZE.
    func load(on connection: PostgresConnection) throws {
        let schema = lookup.schema
        let count = String(travellers)
        try connection.execute(
            """
            TRUNCATE \(schema).travellers, \(schema).crossings, \(schema).permits, \(schema).accreditations,
                \(schema).overstays
            """, context: "empty the officer lookup")
        try connection.query(
            """
            INSERT INTO \(schema).travellers (stream, issuing_state, document_number, nationality, document_code,
                primary_identifier, secondary_identifiers, date_of_birth, sex, date_of_expiry, in_country,
                anomalies, last_position, authorised_until)
            SELECT 'traveller-' || md5(i::text), n, 'B' || lpad(i::text, 8, '0'), n, 'P', 'TRAVELLER' || i,
                ARRAY['GIVEN', 'NAME'], (DATE '1950-01-01' + i % 20000)::text, CASE WHEN i % 2 = 0 THEN 'female'
                ELSE 'male' END, (DATE '2026-01-01' + i % 3000)::text, i % 3 <> 0,
                CASE WHEN i % 50 = 0 THEN ARRAY['departureWithoutArrival'] ELSE '{}' END, i * 4,
                CASE WHEN i % 4 = 0 THEN DATE '2024-06-01' + i % 400 END
            FROM generate_series(1, $1::int) AS i,
                LATERAL (SELECT (ARRAY['NZL', 'AUS', 'WSM', 'USA', 'CHN', 'FJI', 'GBR', 'TON'])[1 + i % 8] AS n) AS s
            """, [count], context: "load travellers")
        try connection.query(
            """
            INSERT INTO \(schema).crossings (position, stream, direction, port, carrier, flight, purpose,
                occurred_at, recorded_at, anomalies, version)
            SELECT i * 4 + v, 'traveller-' || md5(i::text), CASE WHEN v % 2 = 1 THEN 'arrival' ELSE 'departure' END,
                'APW', 'NZ', 'NZ99' || v, 'holiday', TIMESTAMPTZ '2024-01-01' + (i % 300 + v * 9) * INTERVAL '1 day',
                TIMESTAMPTZ '2024-01-01' + (i % 300 + v * 9) * INTERVAL '1 day' + INTERVAL '1 minute', '{}', v
            FROM generate_series(1, $1::int) AS i, generate_series(1, 1 + i % 3) AS v
            """, [count], context: "load crossings")
        try connection.query(
            """
            INSERT INTO \(schema).permits (stream, id, kind, category, valid_from, valid_until, maximum_stay_days,
                on_arrival)
            SELECT 'traveller-' || md5(i::text), 'P-' || i, 'permit', 'visitor', DATE '2024-01-01' + i % 300,
                DATE '2024-06-01' + i % 400, 60, TRUE
            FROM generate_series(4, $1::int, 4) AS i
            """, [count], context: "load permits")
        try connection.query(
            """
            INSERT INTO \(schema).accreditations (stream, id, summit, delegation, role, valid_from, valid_until)
            SELECT 'traveller-' || md5(i::text), 'CHOGM-' || i, 'CHOGM2024', 'NZL', 'delegate', DATE '2024-10-20',
                DATE '2024-10-30'
            FROM generate_series(100, $1::int, 100) AS i
            """, [count], context: "load accreditations")
        try connection.query(
            """
            INSERT INTO \(schema).overstays (stream, flagged)
            SELECT 'traveller-' || md5(i::text), TRUE FROM generate_series(500, $1::int, 500) AS i
            """, [count], context: "load overstays")
        try connection.execute("ANALYZE", context: "analyze the officer lookup")
    }
}
