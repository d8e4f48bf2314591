-- The auditor may create schemas (`border audit as-of` builds one and drops it). Unchecked, that
-- lets it create a schema that another role's search_path reaches before the real tables: one
-- named after a role ("$user": border_app, the owner) holding a table `api_tokens` of its own
-- makes `border serve` accept a token the auditor forged. So the auditor may own scratch schemas
-- only (`scratch_...`, as ScratchBuild names them): an event trigger refuses any DDL after which
-- it owns another. Event triggers need a superuser; run by another role, this migration takes
-- away the auditor's right to create schemas instead, and `as-of` then needs the owner.
CREATE OR REPLACE FUNCTION auditor_owns_scratch_schemas_only() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (
        SELECT FROM pg_namespace
        WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = 'border_auditor')
            AND nspname NOT LIKE 'scratch\_%'
    ) THEN
        RAISE EXCEPTION 'border_auditor may own scratch schemas (scratch_...) only'
            USING ERRCODE = 'BC004';
    END IF;
END
$$;

COMMENT ON FUNCTION auditor_owns_scratch_schemas_only() IS
    'Event trigger: refuses DDL after which border_auditor owns a schema not named scratch_*.';

DO $$
DECLARE
    shadow text;
BEGIN
    SELECT nspname INTO shadow FROM pg_namespace
    WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = 'border_auditor')
        AND nspname NOT LIKE 'scratch\_%'
    LIMIT 1;
    IF shadow IS NOT NULL THEN
        RAISE EXCEPTION 'border_auditor owns schema %, which may shadow tables of other roles; inspect and drop it',
            shadow USING ERRCODE = 'BC004';
    END IF;
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('REVOKE CREATE ON DATABASE %I FROM border_auditor', current_database());
        RAISE NOTICE 'not a superuser: border_auditor may no longer create schemas (as-of needs the owner)';
    ELSIF NOT EXISTS (SELECT FROM pg_event_trigger WHERE evtname = 'border_auditor_scratch_schemas_only') THEN
        CREATE EVENT TRIGGER border_auditor_scratch_schemas_only ON ddl_command_end
            EXECUTE FUNCTION auditor_owns_scratch_schemas_only();
    END IF;
EXCEPTION
    -- Another schema of this database (a test's) created the trigger at the same moment.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
