-- REST API tokens (docs/api.md, SECURITY.md item 12). Only the SHA-256 of a token is stored: the
-- secret is 256 random bits, so a fast hash is as strong as a slow one and lets each request find
-- its token by an indexed equality. A token acts for one user, in that user's tenant, with either
-- a role (no higher than the user's, capped again at every request) or a set of permission ids.
CREATE TABLE api_token (
    id                 UUID          NOT NULL PRIMARY KEY,
    tenant_id          UUID          NOT NULL REFERENCES tenant (id),
    user_id            UUID          NOT NULL REFERENCES app_user (id),
    name               VARCHAR(80)   NOT NULL,
    token_hash         VARCHAR(64)   NOT NULL,
    -- The first characters of the secret, shown in lists so a user can tell tokens apart.
    token_hint         VARCHAR(20)   NOT NULL,
    scope_role         VARCHAR(40),
    -- Space-separated permission ids; NULL when the token is scoped by role.
    scope_permissions  VARCHAR(2000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at       TIMESTAMP WITH TIME ZONE,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoked_by         VARCHAR(80),
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_token_one_scope CHECK ((scope_role IS NULL) <> (scope_permissions IS NULL))
);
CREATE INDEX api_token_user ON api_token (tenant_id, user_id);
