CREATE FUNCTION refuse_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'BC001',
        MESSAGE = format('%s is append-only: %s refused', TG_TABLE_NAME, TG_OP),
        HINT = 'record a correction as a new event';
END
$$;

COMMENT ON FUNCTION refuse_log_change() IS 'Refuses UPDATE, DELETE and TRUNCATE on the log, for every role.';

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER commands_append_only
    BEFORE UPDATE OR DELETE ON commands
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER commands_no_truncate
    BEFORE TRUNCATE ON commands
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER log_head_no_delete
    BEFORE DELETE ON log_head
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER log_head_no_truncate
    BEFORE TRUNCATE ON log_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO border_app', current_schema());
END
$$;

GRANT SELECT, INSERT ON events TO border_app;
GRANT SELECT, INSERT ON commands TO border_app;
GRANT SELECT, UPDATE ON log_head TO border_app;
