-- Read-model snapshots as rows: one header per snapshot, and one JSON value per row of each
-- read-model table, copied and restored inside the database. 0002 kept a whole snapshot as one
-- JSON value: built in memory through the client, compressed whole, limited to 1 GB, and with
-- nothing saying which version of the read model's tables it was taken from.
--
-- The single-value snapshots are dropped, not converted: they are a cache (as-of then starts
-- from the first event until the projector takes a new one), converting a value of up to 1 GB
-- would hold up `border migrate`, and a snapshot taken before a read model's later migrations
-- (officer lookup 0004 and 0005 added columns) cannot be told apart from a current one.
DROP TABLE read_model_snapshots;

CREATE TABLE read_model_snapshot_headers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    projection TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    position BIGINT NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (projection, schema_version, position)
);

COMMENT ON TABLE read_model_snapshot_headers IS
    'One read-model snapshot: the projection, the number of its latest migration when it was '
    'taken (a snapshot restores only into tables of that version), and the log position its rows '
    'stand at. `border audit as-of` starts from the latest one at or before its moment instead of '
    'from the first event. A cache: the log stays the source of truth.';

CREATE TABLE read_model_snapshot_rows (
    snapshot BIGINT NOT NULL REFERENCES read_model_snapshot_headers (id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    data JSON NOT NULL
);

CREATE INDEX read_model_snapshot_rows_by_table ON read_model_snapshot_rows (snapshot, table_name);

COMMENT ON TABLE read_model_snapshot_rows IS
    'The rows of a read-model snapshot: one per row of each read-model table (to_json of the row), '
    'restored with json_populate_record. Deleted with their header.';

-- border_auditor reads both through the default privileges its own migration set (or its grant
-- on every table, when this runs first on a new database).
GRANT SELECT, INSERT, DELETE ON read_model_snapshot_headers TO border_app;
GRANT SELECT, INSERT, DELETE ON read_model_snapshot_rows TO border_app;
