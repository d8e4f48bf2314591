-- The auditor's database role: reads the log, the snapshots and every read model, and may
-- build scratch read models (`border audit as-of` creates a schema of its own and drops it),
-- but holds no right to write the log or any live read model.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'border_auditor') THEN
        CREATE ROLE border_auditor LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Tables and schemas the migrating role creates from now on (read models added later) too.
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO border_auditor;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO border_auditor;

DO $$
DECLARE
    read_model text;
BEGIN
    -- This schema and every read model's: the schemas the migrating role owns.
    FOR read_model IN
        SELECT nspname FROM pg_namespace
        WHERE nspname = current_schema()
            OR (nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                AND nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema')
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO border_auditor', read_model);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO border_auditor', read_model);
    END LOOP;
    EXECUTE format('GRANT CREATE ON DATABASE %I TO border_auditor', current_database());
END
$$;
