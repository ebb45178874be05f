-- Collaboration on the scoping document (issue 3): comments, the activity history, milestones,
-- and the candidate ML solutions a manager weighs for the project's business problem.
-- Milestones track the plan; changing them does not change the document's revision (an approval
-- is of the problem, diligence and contract, not of this week's status).

CREATE TABLE scoping.comment (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    project_id  UUID          NOT NULL REFERENCES public.project (id),
    author      VARCHAR(80)   NOT NULL,
    author_name VARCHAR(120)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX comment_project ON scoping.comment (project_id, created_at);

CREATE TABLE scoping.activity (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    project_id  UUID          NOT NULL REFERENCES public.project (id),
    actor       VARCHAR(80)   NOT NULL,
    what        VARCHAR(500)  NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX activity_project ON scoping.activity (project_id, at);

CREATE TABLE scoping.milestone (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    title        VARCHAR(200)  NOT NULL,
    owner        VARCHAR(80)   NOT NULL,
    starts_on    DATE          NOT NULL,
    due_on       DATE          NOT NULL,
    effort_days  DOUBLE PRECISION NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    notes        VARCHAR(2000),
    updated_by   VARCHAR(80)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INTEGER       NOT NULL
);
CREATE INDEX milestone_project ON scoping.milestone (project_id, due_on);

-- Candidate ML solutions for the project's business problem, each scored 1 (poor) to 5 (excellent)
-- on feasibility and on value; at most one is chosen. The tenant's portfolio plots them all.
CREATE TABLE scoping.candidate_solution (
    id           UUID          NOT NULL PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES public.tenant (id),
    project_id   UUID          NOT NULL REFERENCES public.project (id),
    title        VARCHAR(200)  NOT NULL,
    approach     VARCHAR(2000),
    feasibility  INTEGER       NOT NULL,
    value_score  INTEGER       NOT NULL,
    chosen       BOOLEAN       NOT NULL,
    updated_by   VARCHAR(80)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INTEGER       NOT NULL
);
CREATE INDEX candidate_solution_project ON scoping.candidate_solution (project_id);
