-- The modeling plugin's own schema (was part of the single history's V2__stage_tables.sql).
-- A plugin's tables live in its schema and may reference platform tables (public.*) only.

CREATE SCHEMA modeling;
CREATE TABLE modeling.baseline (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    name         VARCHAR(120)  NOT NULL,
    metric_name  VARCHAR(80)   NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    method       VARCHAR(2000) NOT NULL,
    created_by   VARCHAR(80)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
