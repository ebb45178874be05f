-- PostgreSQL only (spring.flyway.locations adds db/postgresql/flyway in the postgres profile).
-- Runs after every migrate, as the owner role, and is idempotent: the second wall behind the
-- tenant gateway (SECURITY.md item 5, docs/adr/0002-tenancy-gateway.md).
--
-- 1. Every tenant table (any table with a tenant_id column, in any schema, so that a new plugin's
--    tables are covered without editing this file) gets row-level security, ENABLED and FORCED
--    (forced: the owner is subject to it too), and one policy: a row is visible and writable
--    only when its tenant_id is the transaction-local setting cairn.tenant_id, or when the
--    transaction-local setting cairn.platform is 'on' (the few platform tasks that read across
--    tenants on purpose: sign-in, tenant administration, job and outbox claiming, the audit
--    writer, Flyway itself). No setting: no rows.
-- 2. The application role (placeholder approle = spring.datasource.username) gets only
--    SELECT, INSERT, UPDATE, DELETE on the tables and USAGE on the schemas, now and for
--    whatever the owner creates later; never the migration history.
--
-- The policy is named with a version: a changed rule gets a new name, and policies of older
-- versions are dropped. An unchanged rule is left alone, so a node that starts takes no locks.
DO $rls$
DECLARE
    policy_name constant text := 'cairn_tenant_v1';
    rule constant text := '(tenant_id = nullif(current_setting(''cairn.tenant_id'', true), '''')::uuid'
        || ' OR current_setting(''cairn.platform'', true) = ''on'')';
    t record;
    old record;
BEGIN
    FOR t IN
        SELECT c.oid, n.nspname AS schema_name, c.relname AS table_name, c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_%'
    LOOP
        IF NOT t.relrowsecurity THEN
            EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', t.schema_name, t.table_name);
        END IF;
        IF NOT t.relforcerowsecurity THEN
            EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', t.schema_name, t.table_name);
        END IF;
        FOR old IN SELECT polname FROM pg_policy WHERE polrelid = t.oid AND polname <> policy_name LOOP
            EXECUTE format('DROP POLICY %I ON %I.%I', old.polname, t.schema_name, t.table_name);
        END LOOP;
        IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t.oid AND polname = policy_name) THEN
            EXECUTE format('CREATE POLICY %I ON %I.%I FOR ALL USING %s WITH CHECK %s',
                           policy_name, t.schema_name, t.table_name, rule, rule);
        END IF;
    END LOOP;
END
$rls$;

DO $grants$
DECLARE
    app_role constant text := '${approle}';
    s record;
BEGIN
    IF app_role = current_user THEN
        RAISE EXCEPTION 'The application role (%) must not be the owner role that runs the migrations', app_role;
    END IF;
    -- Every schema that holds a table of the owner's: the platform's and each plugin's.
    FOR s IN SELECT DISTINCT schemaname FROM pg_tables WHERE tableowner = current_user LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s.schemaname, app_role);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s.schemaname, app_role);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s.schemaname, app_role);
    END LOOP;
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO %I', app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO %I', app_role);
    -- The migration history is the owner's business alone.
    EXECUTE format('REVOKE ALL ON TABLE %I.%I FROM %I', '${flyway:defaultSchema}', '${flyway:table}', app_role);
END
$grants$;
