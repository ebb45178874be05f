-- The scoping plugin's own schema (was part of the single history's V2__stage_tables.sql).
-- A plugin's tables live in its schema and may reference platform tables (public.*) only.

CREATE SCHEMA scoping;
CREATE TABLE scoping.problem_statement (
    id                UUID          NOT NULL PRIMARY KEY,
    tenant_id         UUID          NOT NULL REFERENCES public.tenant (id),
    project_id        UUID          NOT NULL UNIQUE REFERENCES public.project (id),
    business_problem  VARCHAR(4000) NOT NULL,
    affected          VARCHAR(2000) NOT NULL,
    decision          VARCHAR(2000) NOT NULL,
    current_approach  VARCHAR(2000) NOT NULL,
    updated_by        VARCHAR(80)   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INTEGER       NOT NULL
);
