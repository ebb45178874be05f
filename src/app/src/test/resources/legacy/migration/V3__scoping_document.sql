-- The scoping document of a project (issue 3). One document per project; its parts live in their
-- own tables, each with its own version for optimistic locking, so that two people editing
-- different parts never collide. The document's revision counts every change to any part: an
-- approval is of one revision, and any later change needs a new approval.

CREATE TABLE scoping.scoping_document (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    project_id  UUID          NOT NULL UNIQUE REFERENCES public.project (id),
    template    VARCHAR(40)   NOT NULL,
    revision    INTEGER       NOT NULL,
    created_by  VARCHAR(80)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(80)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The Machine Learning Canvas: ten boxes of free text.
CREATE TABLE scoping.canvas (
    id                  UUID          NOT NULL PRIMARY KEY,
    tenant_id           UUID          NOT NULL REFERENCES public.tenant (id),
    project_id          UUID          NOT NULL UNIQUE REFERENCES public.project (id),
    value_proposition   VARCHAR(4000),
    prediction_task     VARCHAR(4000),
    decisions           VARCHAR(4000),
    impact_simulation   VARCHAR(4000),
    making_predictions  VARCHAR(4000),
    data_collection     VARCHAR(4000),
    data_sources        VARCHAR(4000),
    building_models     VARCHAR(4000),
    features            VARCHAR(4000),
    live_monitoring     VARCHAR(4000),
    updated_by          VARCHAR(80)   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER       NOT NULL
);

-- Diligence on feasibility: the answers; the rating is computed from them when shown.
CREATE TABLE scoping.feasibility (
    id                   UUID          NOT NULL PRIMARY KEY,
    tenant_id            UUID          NOT NULL REFERENCES public.tenant (id),
    project_id           UUID          NOT NULL UNIQUE REFERENCES public.project (id),
    data_kind            VARCHAR(20)   NOT NULL,
    hlp_applies          BOOLEAN       NOT NULL,
    hlp_method           VARCHAR(2000),
    hlp_examples         INTEGER,
    hlp_metric           VARCHAR(80),
    hlp_value            DOUBLE PRECISION,
    predictive_features  VARCHAR(20)   NOT NULL,
    feature_notes        VARCHAR(2000),
    prior_work           VARCHAR(20)   NOT NULL,
    prior_work_notes     VARCHAR(2000),
    updated_by           VARCHAR(80)   NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INTEGER       NOT NULL
);

-- Diligence on value, with the ethical review. A high risk needs a sign-off before approval.
CREATE TABLE scoping.value_assessment (
    id                    UUID          NOT NULL PRIMARY KEY,
    tenant_id             UUID          NOT NULL REFERENCES public.tenant (id),
    project_id            UUID          NOT NULL UNIQUE REFERENCES public.project (id),
    business_metric       VARCHAR(200)  NOT NULL,
    ml_metric             VARCHAR(200)  NOT NULL,
    metric_link           VARCHAR(2000) NOT NULL,
    value_estimate        DOUBLE PRECISION,
    value_unit            VARCHAR(40),
    value_notes           VARCHAR(2000),
    fairness_risk         VARCHAR(10)   NOT NULL,
    privacy_risk          VARCHAR(10)   NOT NULL,
    harm_notes            VARCHAR(2000),
    ethics_written_by     VARCHAR(80)   NOT NULL,
    ethics_signed_off_by  VARCHAR(80),
    ethics_signed_off_at  TIMESTAMP WITH TIME ZONE,
    ethics_signoff_note   VARCHAR(1000),
    updated_by            VARCHAR(80)   NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER       NOT NULL
);

-- The metric contract, versioned: at most one DRAFT per project; approving the document turns the
-- draft APPROVED and the previous approved contract SUPERSEDED. Editing after approval starts a
-- new draft, so the approved contract stays readable (cairn-api MetricContracts) until then.
CREATE TABLE scoping.metric_contract (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    number       INTEGER       NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    created_by   VARCHAR(80)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(80)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by  VARCHAR(80),
    approved_at  TIMESTAMP WITH TIME ZONE,
    version      INTEGER       NOT NULL,
    CONSTRAINT metric_contract_number_unique UNIQUE (project_id, number)
);

CREATE TABLE scoping.metric_target (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    contract_id  UUID          NOT NULL REFERENCES scoping.metric_contract (id),
    position     INTEGER       NOT NULL,
    kind         VARCHAR(12)   NOT NULL,
    metric       VARCHAR(120)  NOT NULL,
    slice        VARCHAR(120),
    direction    VARCHAR(10)   NOT NULL,
    threshold    DOUBLE PRECISION NOT NULL,
    unit         VARCHAR(20)
);
CREATE INDEX metric_target_contract ON scoping.metric_target (contract_id);

-- Approvals and rejections of a document revision: who, when, why.
CREATE TABLE scoping.scoping_review (
    id               UUID          NOT NULL PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES public.tenant (id),
    project_id       UUID          NOT NULL REFERENCES public.project (id),
    revision         INTEGER       NOT NULL,
    decision         VARCHAR(10)   NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    decided_by       VARCHAR(80)   NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    contract_number  INTEGER,
    CONSTRAINT scoping_review_revision_unique UNIQUE (project_id, revision)
);
CREATE INDEX scoping_review_project ON scoping.scoping_review (project_id, decided_at);
