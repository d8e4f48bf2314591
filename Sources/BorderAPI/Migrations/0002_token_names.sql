-- A token's name names one client: at most one active token per name, so that `revoke --name`
-- means one token and a retry is recognised by its client (name and role), also after the
-- client's token was replaced. Where several active tokens shared a name, the newest stays
-- active and the older ones are revoked now.
UPDATE api_tokens AS older
SET revoked_at = clock_timestamp()
WHERE older.revoked_at IS NULL
    AND EXISTS (
        SELECT 1 FROM api_tokens AS newer
        WHERE newer.name = older.name AND newer.revoked_at IS NULL AND newer.id > older.id
    );

CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
