-- Core platform schema. Portable across H2 and PostgreSQL: it is also the source of jOOQ's
-- generated classes (DDLDatabase), so keep to plain standard SQL.
-- Every table with a tenant_id column is a tenant table: reads and writes to it go through the
-- tenant gateway (see docs/adr/0002-tenancy-gateway.md).

CREATE TABLE tenant (
    id          UUID         NOT NULL PRIMARY KEY,
    slug        VARCHAR(40)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A user belongs to one tenant; the platform admin belongs to none (tenant_id NULL).
CREATE TABLE app_user (
    id               UUID         NOT NULL PRIMARY KEY,
    tenant_id        UUID         REFERENCES tenant (id),
    username         VARCHAR(80)  NOT NULL UNIQUE,
    display_name     VARCHAR(120) NOT NULL,
    password_hash    VARCHAR(200) NOT NULL,
    enabled          BOOLEAN      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER      NOT NULL
);

CREATE TABLE user_role (
    tenant_id  UUID        REFERENCES tenant (id),
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    role       VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE audit_entry (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(80)   NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    target      VARCHAR(200),
    outcome     VARCHAR(20)   NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX audit_entry_tenant_at ON audit_entry (tenant_id, at);

CREATE TABLE project (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES tenant (id),
    project_key  VARCHAR(12)   NOT NULL,
    name         VARCHAR(120)  NOT NULL,
    description  VARCHAR(4000),
    created_by   VARCHAR(80)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INTEGER       NOT NULL,
    CONSTRAINT project_key_unique UNIQUE (tenant_id, project_key)
);

CREATE TABLE project_member (
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    project_id  UUID        NOT NULL REFERENCES project (id),
    user_id     UUID        NOT NULL REFERENCES app_user (id),
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

-- Lineage, after ML Metadata: artifacts and executions joined by events, grouped by contexts.
CREATE TABLE lineage_context (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    type        VARCHAR(80)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    project_id  UUID          REFERENCES project (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lineage_artifact (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    context_id  UUID          NOT NULL REFERENCES lineage_context (id),
    type        VARCHAR(80)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    uri         VARCHAR(1000),
    properties  VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lineage_execution (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    context_id  UUID          NOT NULL REFERENCES lineage_context (id),
    type        VARCHAR(80)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    state       VARCHAR(20)   NOT NULL,
    properties  VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lineage_event (
    id            UUID        NOT NULL PRIMARY KEY,
    tenant_id     UUID        NOT NULL REFERENCES tenant (id),
    artifact_id   UUID        NOT NULL REFERENCES lineage_artifact (id),
    execution_id  UUID        NOT NULL REFERENCES lineage_execution (id),
    kind          VARCHAR(10) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lineage_event_artifact ON lineage_event (artifact_id);
CREATE INDEX lineage_event_execution ON lineage_event (execution_id);

-- Experiment tracking: what a project maps to in MLflow, and the outbox of records to send.
CREATE TABLE tracking_experiment (
    project_id            UUID         NOT NULL PRIMARY KEY REFERENCES project (id),
    tenant_id             UUID         NOT NULL REFERENCES tenant (id),
    experiment_name       VARCHAR(300) NOT NULL,
    mlflow_experiment_id  VARCHAR(64)
);

CREATE TABLE tracking_outbox (
    id            UUID           NOT NULL PRIMARY KEY,
    tenant_id     UUID           NOT NULL REFERENCES tenant (id),
    project_id    UUID           NOT NULL REFERENCES project (id),
    kind          VARCHAR(30)    NOT NULL,
    payload       VARCHAR(20000) NOT NULL,
    status        VARCHAR(12)    NOT NULL,
    attempts      INTEGER        NOT NULL,
    last_error    VARCHAR(1000),
    mlflow_id     VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tracking_outbox_status ON tracking_outbox (status, next_attempt_at);

-- Background jobs, claimed through the database so that any node can run them.
CREATE TABLE job (
    id                UUID          NOT NULL PRIMARY KEY,
    tenant_id         UUID          NOT NULL REFERENCES tenant (id),
    project_id        UUID          REFERENCES project (id),
    type              VARCHAR(80)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    payload           VARCHAR(4000),
    status            VARCHAR(12)   NOT NULL,
    progress          DOUBLE PRECISION NOT NULL,
    message           VARCHAR(1000),
    cancel_requested  BOOLEAN       NOT NULL,
    created_by        VARCHAR(80)   NOT NULL,
    claimed_by        VARCHAR(80),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX job_status ON job (status, created_at);
