CREATE TABLE events (
    position BIGINT PRIMARY KEY,
    stream TEXT NOT NULL,
    version BIGINT NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data JSON NOT NULL,
    metadata JSON NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    command_id TEXT,
    hash BYTEA NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream, version),
    CONSTRAINT events_position_positive CHECK (position > 0),
    CONSTRAINT events_version_positive CHECK (version > 0),
    CONSTRAINT events_hash_length CHECK (octet_length(hash) = 32)
);

COMMENT ON TABLE events IS
    'The event log: append-only, positions dense and in commit order, each row chained by SHA-256 '
    'to the one before (hash = SHA-256(previous hash || canonical bytes)). data and metadata are '
    'JSON (not JSONB) so that the stored text is exactly the text that was hashed.';

CREATE TABLE log_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
    position BIGINT NOT NULL,
    hash BYTEA NOT NULL,
    CONSTRAINT log_head_one_row CHECK (singleton)
);

COMMENT ON TABLE log_head IS
    'The last position and chain hash of the log. Its row lock is the append lock: held from the '
    'first read of the head to commit, so positions are assigned in commit order with no gaps.';

INSERT INTO log_head (position, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

CREATE TABLE commands (
    id TEXT PRIMARY KEY,
    request_hash BYTEA NOT NULL,
    stream TEXT NOT NULL,
    first_position BIGINT NOT NULL,
    last_position BIGINT NOT NULL,
    outcome JSON NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

COMMENT ON TABLE commands IS
    'Accepted commands by idempotency key, with a hash of the request and the outcome first '
    'answered, so that a retry answers the same and appends nothing.';
