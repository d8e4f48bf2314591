-- Bearer tokens for the HTTP API. Only a SHA-256 digest of each token is kept: the token itself
-- is shown once, when it is created, and cannot be read back from the database.
CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    token_sha256 BYTEA NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    revoked_at TIMESTAMPTZ,
    CONSTRAINT api_tokens_role CHECK (role IN ('officer', 'visa-officer', 'supervisor', 'accreditation', 'auditor',
        'admin')),
    CONSTRAINT api_tokens_name CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
    CONSTRAINT api_tokens_digest CHECK (octet_length(token_sha256) = 32)
);

COMMENT ON TABLE api_tokens IS
    'Who may call the API, as which role: a digest of each bearer token, never the token.';

GRANT SELECT, INSERT ON api_tokens TO border_app;
GRANT UPDATE (revoked_at) ON api_tokens TO border_app;
