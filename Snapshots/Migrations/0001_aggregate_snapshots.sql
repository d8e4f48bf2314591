CREATE TABLE aggregate_snapshots (
    stream TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    version BIGINT NOT NULL,
    state JSON NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (stream, schema_version)
);

COMMENT ON TABLE aggregate_snapshots IS
    'The latest snapshot of an aggregate per stream and state schema version: a cache for fast '
    'stream loads, never a source of truth (the log is). Safe to truncate.';

GRANT SELECT, INSERT, UPDATE, DELETE ON aggregate_snapshots TO border_app;
