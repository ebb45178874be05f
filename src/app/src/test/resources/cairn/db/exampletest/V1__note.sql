-- The migrations of a plugin that exists only in tests (ExampleTestPlugin): shipped at
-- classpath:cairn/db/exampletest/ as a third-party plugin's jar would, found by the plugin's id.
-- Its own schema, one tenant table referencing a platform table.
CREATE SCHEMA exampletest;
CREATE TABLE exampletest.note (
    id         UUID         NOT NULL PRIMARY KEY,
    tenant_id  UUID         NOT NULL REFERENCES public.tenant (id),
    body       VARCHAR(200) NOT NULL
);
