-- Dataset schemas (issue 9, "Schema, and its evolution"): one schema per dataset, edited in versions.
-- Version 1 is inferred from a dataset version; every edit is a new version with its author and
-- reason; a manager other than the author approves one, which supersedes the one approved before.
-- Versions are never changed afterwards except for their status and approval.
-- Features are rows (not a JSON document): the plugin needs no JSON library, and every value keeps
-- its SQL type.

CREATE TABLE data.dataset_schema (
    id          UUID         NOT NULL PRIMARY KEY,
    tenant_id   UUID         NOT NULL REFERENCES public.tenant (id),
    project_id  UUID         NOT NULL REFERENCES public.project (id),
    dataset_id  UUID         NOT NULL REFERENCES data.dataset (id) ON DELETE CASCADE,
    created_by  VARCHAR(80)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dataset_schema_one_per_dataset UNIQUE (dataset_id)
);

CREATE TABLE data.schema_version (
    id                 UUID          NOT NULL PRIMARY KEY,
    tenant_id          UUID          NOT NULL REFERENCES public.tenant (id),
    project_id         UUID          NOT NULL REFERENCES public.project (id),
    schema_id          UUID          NOT NULL REFERENCES data.dataset_schema (id) ON DELETE CASCADE,
    version            INT           NOT NULL,
    -- Inference: the dataset version it was inferred from; an edit: null (previous_version says).
    inferred_from      UUID          REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    previous_version   INT,
    min_rows           BIGINT        NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    author             VARCHAR(80)   NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by        VARCHAR(80),
    approved_at        TIMESTAMP WITH TIME ZONE,
    lineage_artifact   UUID,
    CONSTRAINT schema_version_number_unique UNIQUE (schema_id, version),
    CONSTRAINT schema_version_status CHECK (status IN ('DRAFT', 'APPROVED', 'SUPERSEDED'))
);

CREATE TABLE data.schema_feature (
    version_id           UUID          NOT NULL REFERENCES data.schema_version (id) ON DELETE CASCADE,
    position             INT           NOT NULL,
    tenant_id            UUID          NOT NULL REFERENCES public.tenant (id),
    name                 VARCHAR(1000) NOT NULL,
    type                 VARCHAR(20)   NOT NULL,
    required             BOOLEAN       NOT NULL,
    min_fraction_present DOUBLE PRECISION NOT NULL,
    -- ANY, RANGE (range_min/range_max, either may be null: open) or CATEGORIES (schema_feature_category).
    domain_kind          VARCHAR(12)   NOT NULL,
    range_min            DOUBLE PRECISION,
    range_max            DOUBLE PRECISION,
    is_label             BOOLEAN       NOT NULL,
    -- Comma-separated environments the feature is present in; empty: all of them.
    environments         VARCHAR(400)  NOT NULL,
    min_distinct         INT,
    max_distinct         INT,
    PRIMARY KEY (version_id, position)
);

CREATE TABLE data.schema_feature_category (
    version_id  UUID          NOT NULL,
    position    INT           NOT NULL,
    ordinal     INT           NOT NULL,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    category    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (version_id, position, ordinal),
    FOREIGN KEY (version_id, position) REFERENCES data.schema_feature (version_id, position) ON DELETE CASCADE
);
