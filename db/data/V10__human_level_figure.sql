-- Human-level figures (issue 9, "Labels and cleaning"): a label review of a version, kept as the
-- accuracy one labeller reaches against another (the observed agreement), with the kappa beside it,
-- so scoping and modeling can read it through cairn-api's HumanLevelFigures. It holds no row of
-- the version (a share, a count, the labellers' column names), so it outlives the version's
-- deletion on request (the measurement stands, the rows are gone) and goes with its dataset.
CREATE TABLE data.human_level_figure (
    id               UUID             NOT NULL PRIMARY KEY,
    tenant_id        UUID             NOT NULL REFERENCES public.tenant (id),
    project_id       UUID             NOT NULL REFERENCES public.project (id),
    version_id       UUID             NOT NULL REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    labellers_json   TEXT             NOT NULL,
    key_column       VARCHAR(1000),
    agreement        DOUBLE PRECISION NOT NULL,
    examples         BIGINT           NOT NULL,
    kappa_name       VARCHAR(40)      NOT NULL,
    kappa            DOUBLE PRECISION,
    method           VARCHAR(2000)    NOT NULL,
    lineage_artifact UUID,
    recorded_by      VARCHAR(80)      NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX human_level_figure_project ON data.human_level_figure (project_id, recorded_at);
