-- Decisions on a traveller's record, for the officer at the desk: corrected and voided crossings,
-- the overstay flag, permits and visas, summit accreditations. Rows written before this migration
-- have no version (a rebuild, `border project officer-lookup --rebuild`, fills it in).

ALTER TABLE {{schema}}.crossings ADD COLUMN version BIGINT;
ALTER TABLE {{schema}}.crossings ADD COLUMN voided BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE {{schema}}.crossings ADD COLUMN corrected BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX crossings_stream_version ON {{schema}}.crossings (stream, version);

CREATE TABLE {{schema}}.permits (
    stream TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_until DATE NOT NULL,
    maximum_stay_days BIGINT,
    on_arrival BOOLEAN NOT NULL,
    cancelled BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (stream, id)
);

COMMENT ON TABLE {{schema}}.permits IS 'Visas and permits on each traveller''s record, as extended or cancelled.';

CREATE TABLE {{schema}}.accreditations (
    stream TEXT NOT NULL,
    id TEXT NOT NULL,
    summit TEXT NOT NULL,
    delegation TEXT NOT NULL,
    role TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_until DATE NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (stream, id)
);

COMMENT ON TABLE {{schema}}.accreditations IS 'Summit accreditations on each traveller''s record.';

CREATE TABLE {{schema}}.overstays (
    stream TEXT PRIMARY KEY,
    flagged BOOLEAN NOT NULL
);

COMMENT ON TABLE {{schema}}.overstays IS
    'The overstay flag by stream, kept apart from travellers since a flag may precede any crossing.';

GRANT SELECT, INSERT, UPDATE, DELETE ON {{schema}}.permits, {{schema}}.accreditations, {{schema}}.overstays
    TO border_app;
