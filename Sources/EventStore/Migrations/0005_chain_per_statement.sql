-- The same guarantee as 0004, checked once per INSERT statement instead of once per row: a
-- batch of events is accepted only if its positions continue the head without a gap and every
-- hash chains to the one before (the first to the head's); then the head moves once.
-- Set-based, so a 100-event batch costs one check, not a hundred head updates.

DROP TRIGGER events_chain_at_head ON events;
DROP FUNCTION chain_event_at_head();

CREATE FUNCTION chain_batch_at_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    head_position bigint;
    head_hash bytea;
    inserted_count bigint;
    lowest bigint;
    highest bigint;
    broken bigint;
BEGIN
    SELECT position, hash INTO head_position, head_hash FROM log_head FOR UPDATE;
    SELECT count(*), min(position), max(position) INTO inserted_count, lowest, highest FROM appended;
    IF inserted_count = 0 THEN
        RETURN NULL;
    END IF;
    IF lowest <> head_position + 1 OR highest - lowest + 1 <> inserted_count THEN
        RAISE EXCEPTION USING
            ERRCODE = 'BC002',
            MESSAGE = format('events at positions %s to %s are not at the head of the log (%s)',
                lowest, highest, head_position);
    END IF;
    SELECT chained.position INTO broken
    FROM (
        SELECT a.position, a.hash, lag(a.hash, 1, head_hash) OVER (ORDER BY a.position) AS previous,
            event_canonical_bytes(a) AS canonical
        FROM appended a
    ) AS chained
    WHERE chained.hash IS DISTINCT FROM sha256(chained.previous || chained.canonical)
    ORDER BY chained.position
    LIMIT 1;
    IF broken IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'BC003',
            MESSAGE = format('event at position %s does not chain to the event before it', broken);
    END IF;
    UPDATE log_head SET position = highest, hash = (SELECT hash FROM appended WHERE position = highest);
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION chain_batch_at_head() IS
    'Accepts a batch of events only at the head of the log, each with the hash that chains it, '
    'and moves the head once.';

CREATE TRIGGER events_chain_at_head
    AFTER INSERT ON events
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION chain_batch_at_head();
