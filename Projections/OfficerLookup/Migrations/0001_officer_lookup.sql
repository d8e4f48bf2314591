CREATE SCHEMA IF NOT EXISTS {{schema}};

-- The checkpoint table every read model has (Projections/Runtime/ReadModelTables.swift).
{{checkpoint}}

CREATE TABLE {{schema}}.travellers (
    stream TEXT PRIMARY KEY,
    issuing_state TEXT NOT NULL,
    document_number TEXT NOT NULL,
    nationality TEXT NOT NULL,
    document_code TEXT NOT NULL,
    primary_identifier TEXT NOT NULL,
    secondary_identifiers TEXT[] NOT NULL,
    date_of_birth TEXT,
    sex TEXT NOT NULL,
    date_of_expiry TEXT NOT NULL,
    in_country BOOLEAN NOT NULL DEFAULT FALSE,
    anomalies TEXT[] NOT NULL DEFAULT '{}',
    last_position BIGINT NOT NULL
);

COMMENT ON TABLE {{schema}}.travellers IS
    'One row per traveller stream: identity from the latest document seen, and presence in the country '
    'by the crossing that occurred last.';

CREATE INDEX travellers_document ON {{schema}}.travellers (document_number, nationality);

CREATE TABLE {{schema}}.crossings (
    position BIGINT PRIMARY KEY,
    stream TEXT NOT NULL,
    direction TEXT NOT NULL,
    port TEXT NOT NULL,
    carrier TEXT,
    flight TEXT,
    purpose TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    anomalies TEXT[] NOT NULL
);

COMMENT ON TABLE {{schema}}.crossings IS 'Every recorded crossing, by log position, for a traveller''s history.';

CREATE INDEX crossings_stream ON {{schema}}.crossings (stream, occurred_at DESC, position DESC);

GRANT USAGE ON SCHEMA {{schema}} TO border_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO border_app;
