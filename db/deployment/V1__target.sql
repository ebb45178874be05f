-- The deployment plugin's own schema (was part of the single history's V2__stage_tables.sql).
-- A plugin's tables live in its schema and may reference platform tables (public.*) only.

CREATE SCHEMA deployment;
CREATE TABLE deployment.target (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    name         VARCHAR(120)  NOT NULL,
    environment  VARCHAR(20)   NOT NULL,
    serving_mode VARCHAR(20)   NOT NULL,
    notes        VARCHAR(2000),
    created_by   VARCHAR(80)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT target_name_unique UNIQUE (project_id, name)
);
