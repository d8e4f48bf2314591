-- The database itself keeps the log's order and chain: an event is accepted only at the head of
-- the log (position = head + 1) and only with the hash that chains it to the event before;
-- accepting it moves the head. Whoever inserts, through the store or by hand, cannot leave a
-- gap, jump ahead or break the chain. (A superuser can still disable triggers; the hash chain
-- and signed checkpoints are what reveal that: see `border audit`.)

CREATE FUNCTION event_canonical_bytes(e events) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT '\x42432d4556454e542d31'::bytea
        || int8send(e.position)
        || int4send(octet_length(convert_to(e.stream, 'UTF8'))) || convert_to(e.stream, 'UTF8')
        || int8send(e.version)
        || int4send(octet_length(convert_to(e.type, 'UTF8'))) || convert_to(e.type, 'UTF8')
        || int8send(e.schema_version::bigint)
        || int8send((extract(epoch FROM e.occurred_at) * 1000000)::bigint)
        || int8send((extract(epoch FROM e.recorded_at) * 1000000)::bigint)
        || int4send(octet_length(convert_to(e.data::text, 'UTF8'))) || convert_to(e.data::text, 'UTF8')
        || int4send(octet_length(convert_to(e.metadata::text, 'UTF8'))) || convert_to(e.metadata::text, 'UTF8')
        || CASE WHEN e.command_id IS NULL THEN '\xffffffff'::bytea
            ELSE int4send(octet_length(convert_to(e.command_id, 'UTF8'))) || convert_to(e.command_id, 'UTF8')
        END
$$;

COMMENT ON FUNCTION event_canonical_bytes(events) IS
    'The canonical bytes of an event, as Sources/EventStore/ChainHash.swift defines them.';

CREATE FUNCTION chain_event_at_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous bytea;
BEGIN
    SELECT hash INTO previous FROM log_head WHERE position = NEW.position - 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'BC002',
            MESSAGE = format('event at position %s is not at the head of the log', NEW.position);
    END IF;
    IF NEW.hash IS DISTINCT FROM sha256(previous || event_canonical_bytes(NEW)) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'BC003',
            MESSAGE = format('event at position %s does not chain to the event before it', NEW.position);
    END IF;
    UPDATE log_head SET position = NEW.position, hash = NEW.hash;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION chain_event_at_head() IS
    'Accepts an event only at the head of the log with the hash that chains it, and moves the head.';

CREATE TRIGGER events_chain_at_head
    BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION chain_event_at_head();

CREATE FUNCTION refuse_direct_head_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'BC001',
            MESSAGE = 'log_head moves only when an event is appended';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER log_head_moves_with_events
    BEFORE UPDATE ON log_head
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_head_move();
