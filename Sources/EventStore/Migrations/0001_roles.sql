-- The application role: it may read and append the log, never change it or the schema.
-- Roles are cluster-wide; two schemas migrating at once may both try to create it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'border_app') THEN
        CREATE ROLE border_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
