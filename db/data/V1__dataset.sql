-- The data plugin's own schema (was part of the single history's V2__stage_tables.sql).
-- A plugin's tables live in its schema and may reference platform tables (public.*) only.

CREATE SCHEMA data;
CREATE TABLE data.dataset (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    name         VARCHAR(120)  NOT NULL,
    source_uri   VARCHAR(1000) NOT NULL,
    description  VARCHAR(2000),
    created_by   VARCHAR(80)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dataset_name_unique UNIQUE (project_id, name)
);
