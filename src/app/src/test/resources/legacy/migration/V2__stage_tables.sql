-- Each stage plugin owns a schema of its own and generates jOOQ classes for it alone.

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
