-- Statistics stored with each dataset version (issue 9, "Statistics"): one row per version, written
-- by the profiling job (data.profile). The profile is ProfileCodec's bytes (the mergeable sketches,
-- ADR 0017), so a page, drift or a later batch reads it without reading the file again.
--
-- status is the newest run's (QUEUED, RUNNING, DONE, FAILED); profile holds the newest profile that
-- was computed, so re-profiling (with another label column, say) replaces it only once it is done.
-- The top values in a profile are data: deleting the version deletes this row too (the app does it
-- in the deletion's transaction; the cascade covers a version row that is ever removed).
CREATE TABLE data.version_profile (
    version_id       UUID          NOT NULL PRIMARY KEY REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    tenant_id        UUID          NOT NULL REFERENCES public.tenant (id),
    project_id       UUID          NOT NULL REFERENCES public.project (id),
    status           VARCHAR(10)   NOT NULL,
    label_column     VARCHAR(1000),
    job_id           UUID,
    progress         DOUBLE PRECISION NOT NULL,
    error_message    VARCHAR(1000),
    requested_by     VARCHAR(80)   NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    profile          BYTEA,
    profile_label    VARCHAR(1000),
    computed_by      VARCHAR(80),
    computed_at      TIMESTAMP WITH TIME ZONE,
    lineage_artifact UUID,
    CONSTRAINT version_profile_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
