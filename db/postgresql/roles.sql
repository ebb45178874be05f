-- The two PostgreSQL roles Cairn needs, created once by a superuser (or a role with CREATEROLE):
--
--   psql -v ON_ERROR_STOP=1 -v owner_password='...' -v app_password='...' -f db/postgresql/roles.sql
--   createdb --owner=cairn_owner cairn
--
-- cairn_owner owns the schema: Flyway migrates as this role (spring.flyway.user). cairn_app is
-- what the application signs in as (spring.datasource.username): not a superuser, not the owner
-- of anything, no BYPASSRLS, so the row-level security policies that Flyway's afterMigrate
-- callback (flyway/afterMigrate__row_level_security.sql) puts on every tenant table hold for it.
-- That callback also grants cairn_app what it needs, on tables that exist now and later.
CREATE ROLE cairn_owner LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE cairn_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
