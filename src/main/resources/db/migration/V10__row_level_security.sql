-- V10: row-level security, the backstop for partnership isolation.
--
-- The app connects as ${appRole}, a role that owns no table, so every policy below applies to everything it does.
-- The data source tells each connection whose rows it may see, in two session settings (uk.assure.system.Scope):
--   assure.partnership       the id of the one partnership the request is for, or empty;
--   assure.every_partnership 'on' only for work about no single partnership (signing in by email, the first run,
--                            the command line).
-- A connection with neither sees no partnership's rows and can write none.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- another database on the same server created it at the same moment
END;
$$;

CREATE FUNCTION assure_scope_allows(row_partnership bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(current_setting('assure.every_partnership', true), '') = 'on'
        OR row_partnership = nullif(current_setting('assure.partnership', true), '')::bigint
$$;

-- What a later migration calls for each new partnership table; MigrationsIT fails if one is forgotten.
CREATE FUNCTION assure_protect(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY partnership_scope ON %s USING (assure_scope_allows(partnership_id)) '
        || 'WITH CHECK (assure_scope_allows(partnership_id))', target);
END;
$$;

SELECT assure_protect('partnership');
SELECT assure_protect('agency');
SELECT assure_protect('agency_alias');
SELECT assure_protect('person');
SELECT assure_protect('app_user');
SELECT assure_protect('body');
SELECT assure_protect('body_alias');
SELECT assure_protect('plan');
SELECT assure_protect('plan_glossary_term');
SELECT assure_protect('plan_link');
SELECT assure_protect('section');
SELECT assure_protect('finding');
SELECT assure_protect('action');
SELECT assure_protect('action_finding');
SELECT assure_protect('action_lead');
SELECT assure_protect('action_link');
SELECT assure_protect('progress_update');
SELECT assure_protect('pending_import');
SELECT assure_protect('evidence_file');

-- The audit log: read within the scope; written with the scope's partnership, or none (a failed sign-in by an
-- unknown email belongs to no partnership). The app may not change or remove an event: it has no UPDATE or
-- DELETE on the table (below), and the trigger of V1 refuses them even to the owner.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_event FOR SELECT USING (assure_scope_allows(partnership_id));
CREATE POLICY audit_write ON audit_event FOR INSERT
    WITH CHECK (partnership_id IS NULL OR assure_scope_allows(partnership_id));

-- Each event is chained to the newest before it, whichever partnership that was; this reads it as the owner.
CREATE FUNCTION audit_chain_head() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT hash FROM public.audit_event ORDER BY id DESC LIMIT 1
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${appRole};
REVOKE ALL ON flyway_schema_history FROM ${appRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
