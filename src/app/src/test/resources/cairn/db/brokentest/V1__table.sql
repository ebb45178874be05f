-- A plugin (tests only) whose second script fails: start-up must stop naming module and script.
CREATE SCHEMA brokentest;
CREATE TABLE brokentest.thing (
    id         UUID NOT NULL PRIMARY KEY,
    tenant_id  UUID NOT NULL REFERENCES public.tenant (id)
);
