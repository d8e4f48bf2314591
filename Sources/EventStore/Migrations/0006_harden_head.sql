-- Hardening from the second review of the event store (SQL run as the application role):
-- 1. The application role may lock the head row (SELECT ... FOR UPDATE needs an UPDATE
--    privilege on some column) but may update no column that matters: it gets UPDATE on
--    `locked_by` only, and a trigger refuses even that outside the store's own trigger.
-- 2. The SECURITY DEFINER trigger searches this schema first and pg_temp last, so a temporary
--    table named log_head cannot stand in for the real one; and the application role may not
--    create temporary objects at all.
-- 3. A session of the application role that sits idle inside a transaction (holding the append
--    lock, say) is ended after 15 seconds.

ALTER TABLE log_head ADD COLUMN locked_by TEXT;

COMMENT ON COLUMN log_head.locked_by IS
    'Unused; it exists so that the application role can lock the head row without any right to '
    'change position or hash.';

REVOKE UPDATE ON log_head FROM border_app;
GRANT UPDATE (locked_by) ON log_head TO border_app;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION chain_batch_at_head() SET search_path = %I, pg_temp', current_schema());
END
$$;

-- Database- and role-wide settings: several schemas or databases may migrate at once (tests do),
-- so these are serialised, skipped when already in place, and a concurrent update is tolerated.
-- An advisory lock serialises only within one database, so two databases can still set the
-- role's setting at once: the one that loses (a concurrent update, or the setting's row inserted
-- by the other) leaves it to the other. Each setting has a block of its own, so that losing the
-- role's setting never undoes the database's.
DO $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('bordercore/role-and-database-settings'));
    IF has_database_privilege('public', current_database(), 'TEMPORARY') THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END IF;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'border_app' AND s.setdatabase = 0
            AND 'idle_in_transaction_session_timeout=15s' = ANY (s.setconfig)
    ) THEN
        ALTER ROLE border_app SET idle_in_transaction_session_timeout = '15s';
    END IF;
EXCEPTION
    WHEN internal_error OR unique_violation THEN
        RAISE NOTICE 'role settings were being changed concurrently; left to the other migration';
END
$$;
