-- Feature rankings (issue 9, "Feature selection"): a dataset version's features scored against one
-- label column (mutual information, correlation, Tribuo's MIM, CMIM, JMI and mRMR), computed by the
-- ranking job (data.rank-features) and kept so the page re-opens at once. One row per version and
-- label: ranking again replaces it once the new run is done (result_json keeps the newest finished
-- ranking meanwhile). The result holds column names and scores, no values of the data; it goes with
-- its version row (and so with its dataset).
CREATE TABLE data.feature_ranking (
    id               UUID          NOT NULL PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES public.tenant (id),
    project_id       UUID          NOT NULL REFERENCES public.project (id),
    version_id       UUID          NOT NULL REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    label_column     VARCHAR(1000) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    job_id           UUID,
    progress         DOUBLE PRECISION NOT NULL,
    error_message    VARCHAR(1000),
    requested_by     VARCHAR(80)   NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    result_json      TEXT,
    computed_by      VARCHAR(80),
    computed_at      TIMESTAMP WITH TIME ZONE,
    lineage_artifact UUID,
    CONSTRAINT feature_ranking_one_per_label UNIQUE (version_id, label_column),
    CONSTRAINT feature_ranking_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);
