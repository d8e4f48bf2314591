-- The statistics read model: counts of crossings and of visa and permit decisions by the day they
-- occurred at the desk (UTC), and overstays. No names, document numbers or dates of birth: a
-- traveller is known here only by the log position of the first event of their stream.

CREATE SCHEMA IF NOT EXISTS {{schema}};

-- The checkpoint and lease tables every read model has (Projections/Runtime/ReadModelTables.swift).
{{checkpoint}}

CREATE TABLE {{schema}}.crossings (
    position BIGINT PRIMARY KEY,
    traveller BIGINT NOT NULL,
    direction TEXT NOT NULL,
    port TEXT NOT NULL,
    nationality TEXT NOT NULL,
    purpose TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    day DATE NOT NULL,
    overstayed BOOLEAN NOT NULL,
    voided BOOLEAN NOT NULL DEFAULT FALSE
);

COMMENT ON TABLE {{schema}}.crossings IS
    'One row per recorded crossing, by the log position of its event, as corrected; the source of the '
    'counts, so that a correction or a void can take a crossing out of the bucket it was counted in.';

CREATE INDEX crossings_traveller ON {{schema}}.crossings (traveller, occurred_at DESC, position DESC);
CREATE INDEX crossings_departed_late ON {{schema}}.crossings (day) WHERE overstayed AND NOT voided;

CREATE TABLE {{schema}}.crossings_daily (
    day DATE NOT NULL,
    port TEXT NOT NULL,
    nationality TEXT NOT NULL,
    purpose TEXT NOT NULL,
    direction TEXT NOT NULL,
    crossings BIGINT NOT NULL,
    PRIMARY KEY (day, port, nationality, purpose, direction)
);

COMMENT ON TABLE {{schema}}.crossings_daily IS
    'Crossings not voided, counted by occurred day (UTC); a bucket that falls to zero is deleted.';

CREATE TABLE {{schema}}.crossings_monthly (
    month DATE NOT NULL,
    port TEXT NOT NULL,
    nationality TEXT NOT NULL,
    purpose TEXT NOT NULL,
    direction TEXT NOT NULL,
    crossings BIGINT NOT NULL,
    PRIMARY KEY (month, port, nationality, purpose, direction)
);

COMMENT ON TABLE {{schema}}.crossings_monthly IS
    'The same counts by occurred month (the first day of the month), for ranges of whole months.';

CREATE TABLE {{schema}}.permits (
    traveller BIGINT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (traveller, id)
);

COMMENT ON TABLE {{schema}}.permits IS
    'The kind and category of each granted visa or permit, to count its later extension or cancellation.';

CREATE TABLE {{schema}}.permit_decisions_daily (
    day DATE NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    decision TEXT NOT NULL,
    decisions BIGINT NOT NULL,
    PRIMARY KEY (day, kind, category, decision)
);

COMMENT ON TABLE {{schema}}.permit_decisions_daily IS
    'Visa and permit decisions (granted, refused, extended, cancelled) by the day they occurred (UTC).';

CREATE TABLE {{schema}}.travellers (
    traveller BIGINT PRIMARY KEY,
    nationality TEXT,
    in_country BOOLEAN NOT NULL DEFAULT FALSE,
    overstay_flagged BOOLEAN NOT NULL DEFAULT FALSE
);

COMMENT ON TABLE {{schema}}.travellers IS
    'Per traveller: nationality of the latest crossing, in the country by the crossing that occurred last, '
    'and whether an overstay flag stands.';

CREATE INDEX travellers_overstaying ON {{schema}}.travellers (nationality) WHERE in_country AND overstay_flagged;

GRANT USAGE ON SCHEMA {{schema}} TO border_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO border_app;

-- After the grants above, so that border_app may only read and renew the lease.
{{lease}}
