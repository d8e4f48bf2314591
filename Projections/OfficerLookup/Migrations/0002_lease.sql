CREATE TABLE {{schema}}.lease (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE,
    holder TEXT,
    expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
    CONSTRAINT lease_one_row CHECK (singleton)
);

COMMENT ON TABLE {{schema}}.lease IS
    'Which projector process owns this read model, until when. The owner renews it every second; '
    'a standby takes over once it has expired. A row, not a session advisory lock, so that it '
    'also holds behind a transaction-pooling proxy.';

INSERT INTO {{schema}}.lease DEFAULT VALUES;

GRANT SELECT, UPDATE ON {{schema}}.lease TO border_app;
