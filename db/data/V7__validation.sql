-- Stored validations and the training version (issue 9, "Validation", "Each dataset version records
-- the schema version it was validated against", "Lineage, gate, API, demo").
-- A validation run checks one dataset version against one schema version in one environment; its
-- anomalies are kept as JSON (they are read whole, never queried by field). Runs go with their
-- version (a deleted dataset takes its versions, and they take their runs) and with their schema
-- version.

CREATE TABLE data.version_validation (
    id                 UUID          NOT NULL PRIMARY KEY,
    tenant_id          UUID          NOT NULL REFERENCES public.tenant (id),
    project_id         UUID          NOT NULL REFERENCES public.project (id),
    dataset_id         UUID          NOT NULL REFERENCES data.dataset (id) ON DELETE CASCADE,
    version_id         UUID          NOT NULL REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    schema_version_id  UUID          NOT NULL REFERENCES data.schema_version (id) ON DELETE CASCADE,
    schema_id          UUID          NOT NULL,
    schema_version     INT           NOT NULL,
    environment        VARCHAR(40)   NOT NULL,
    verdict            VARCHAR(10)   NOT NULL,
    error_count        INT           NOT NULL,
    warning_count      INT           NOT NULL,
    row_count          BIGINT        NOT NULL,
    anomalies_json     TEXT          NOT NULL,
    validated_by       VARCHAR(80)   NOT NULL,
    validated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    lineage_artifact   UUID,
    CONSTRAINT version_validation_verdict CHECK (verdict IN ('PASSED', 'WARNINGS', 'FAILED'))
);
CREATE INDEX version_validation_version ON data.version_validation (version_id, validated_at);

-- The version a dataset's models are to learn from (the data gate reads it). A version row is
-- kept as a tombstone when its bytes are deleted; should the row itself go, the choice goes too.
ALTER TABLE data.dataset ADD COLUMN training_version UUID REFERENCES data.dataset_version (id) ON DELETE SET NULL;
ALTER TABLE data.dataset ADD COLUMN training_chosen_by VARCHAR(80);
ALTER TABLE data.dataset ADD COLUMN training_chosen_at TIMESTAMP WITH TIME ZONE;
