-- Recipe runs (issue 9, "Cleaning and transformation as a recipe"): fitting a recipe version on a
-- training version, and applying a version to a dataset version, read whole versions, so each runs
-- as a background job. A run says what was asked (request_json), how far the job got and how it
-- ended, for the recipes page to show progress and refusals. What a run makes (the recipe version,
-- or the transformed dataset version) is written only when the job succeeds, in one transaction
-- with the run's DONE; a failed or cancelled run leaves its message and nothing else.
CREATE TABLE data.recipe_run (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL REFERENCES public.tenant (id),
    project_id    UUID          NOT NULL REFERENCES public.project (id),
    dataset_id    UUID          NOT NULL REFERENCES data.dataset (id) ON DELETE CASCADE,
    kind          VARCHAR(12)   NOT NULL,
    -- A new recipe's first fit has no recipe yet: it is created when the fit succeeds.
    recipe_id     UUID          REFERENCES data.recipe (id) ON DELETE CASCADE,
    recipe_name   VARCHAR(120)  NOT NULL,
    request_json  TEXT          NOT NULL,
    job_id        UUID          NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    progress      DOUBLE PRECISION NOT NULL,
    message       VARCHAR(2000),
    -- FIT: the recipe version made; APPLY: the dataset version written (or found: the same bytes).
    result_id     UUID,
    requested_by  VARCHAR(80)   NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recipe_run_kind CHECK (kind IN ('FIT', 'APPLY')),
    CONSTRAINT recipe_run_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);
CREATE INDEX recipe_run_dataset ON data.recipe_run (dataset_id, requested_at);
