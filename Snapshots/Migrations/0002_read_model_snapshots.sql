CREATE TABLE read_model_snapshots (
    projection TEXT NOT NULL,
    position BIGINT NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    tables JSON NOT NULL,
    PRIMARY KEY (projection, position)
);

COMMENT ON TABLE read_model_snapshots IS
    'Copies of a read model''s tables as they stood at a log position, taken on a schedule by the '
    'projector: `border audit as-of` starts from the latest one at or before its moment instead of '
    'from the first event. A cache: the log stays the source of truth.';

GRANT SELECT, INSERT, DELETE ON read_model_snapshots TO border_app;
