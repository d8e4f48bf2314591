-- The summit delegates read model: one row per accreditation, with the expected holder the
-- delegation sent (personal data: for the accreditation desk, never for logs), and every
-- crossing, so that a delegate's status follows corrections and voids. Which delegations exist
-- is reference data the queries join (Projections/Delegates/commonwealth-members.csv).

CREATE SCHEMA IF NOT EXISTS {{schema}};

-- The checkpoint and lease tables every read model has (Projections/Runtime/ReadModelTables.swift).
{{checkpoint}}

CREATE TABLE {{schema}}.delegates (
    stream TEXT NOT NULL,
    accreditation_id TEXT NOT NULL,
    summit TEXT NOT NULL,
    delegation TEXT NOT NULL,
    role TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_until DATE NOT NULL,
    holder JSONB,
    accredited_at TIMESTAMPTZ NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE,
    first_arrival_at TIMESTAMPTZ,
    last_departure_at TIMESTAMPTZ,
    last_direction TEXT,
    mismatch BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL GENERATED ALWAYS AS (
        CASE
            WHEN last_direction = 'arrival' THEN 'in-country'
            WHEN last_direction = 'departure' THEN 'departed'
            WHEN revoked THEN 'revoked'
            ELSE 'expected'
        END
    ) STORED,
    PRIMARY KEY (stream, accreditation_id)
);

COMMENT ON TABLE {{schema}}.delegates IS
    'One row per accreditation on a traveller stream. The movement columns come from the stream''s '
    'crossings not voided that occurred in the summit window (validity widened by a week each side); '
    'status: in-country or departed by the last of them, else revoked or expected.';

CREATE INDEX delegates_delegation ON {{schema}}.delegates (summit, delegation);

CREATE TABLE {{schema}}.crossings (
    position BIGINT PRIMARY KEY,
    stream TEXT NOT NULL,
    version BIGINT NOT NULL,
    direction TEXT NOT NULL,
    port TEXT NOT NULL,
    carrier TEXT,
    flight TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    day DATE NOT NULL,
    anomalies TEXT[] NOT NULL,
    corrected BOOLEAN NOT NULL DEFAULT FALSE,
    voided BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (stream, version)
);

COMMENT ON TABLE {{schema}}.crossings IS
    'Every recorded crossing, as corrected, by the log position of its event: an accreditation may be '
    'recorded after the arrival it covers. day is the occurred day (UTC).';

GRANT USAGE ON SCHEMA {{schema}} TO border_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO border_app;

-- After the grants above, so that border_app may only read and renew the lease.
{{lease}}
