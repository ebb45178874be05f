-- Transform recipes (issue 9, "Labels and cleaning"; ADR 0025): a recipe belongs to a dataset; each
-- version holds the steps as asked (plan) and as fitted on one version of the dataset (steps, the
-- parameters that training and serving both read), with the columns it takes and gives. A version
-- never changes: refitting or editing makes the next one. A recipe goes with its dataset (as its schema and
-- drift settings do): deleting the dataset deletes its recipes.
CREATE TABLE data.recipe (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    project_id  UUID          NOT NULL REFERENCES public.project (id),
    dataset_id  UUID          NOT NULL REFERENCES data.dataset (id) ON DELETE CASCADE,
    name        VARCHAR(120)  NOT NULL,
    created_by  VARCHAR(80)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recipe_name_unique UNIQUE (dataset_id, name)
);

CREATE TABLE data.recipe_version (
    id                      UUID          NOT NULL PRIMARY KEY,
    tenant_id               UUID          NOT NULL REFERENCES public.tenant (id),
    recipe_id               UUID          NOT NULL REFERENCES data.recipe (id) ON DELETE CASCADE,
    version                 INT           NOT NULL,
    plan_json               TEXT          NOT NULL,
    steps_json              TEXT          NOT NULL,
    notes_json              TEXT          NOT NULL,
    input_columns_json      TEXT          NOT NULL,
    output_columns_json     TEXT          NOT NULL,
    fitted_on               UUID          NOT NULL REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    expects_schema_id       UUID          NOT NULL,
    expects_schema_version  INT           NOT NULL,
    reason                  VARCHAR(1000) NOT NULL,
    lineage_artifact        UUID,
    created_by              VARCHAR(80)   NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recipe_version_number_unique UNIQUE (recipe_id, version)
);
CREATE INDEX recipe_version_recipe ON data.recipe_version (recipe_id, version);
