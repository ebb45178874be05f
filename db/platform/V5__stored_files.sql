-- The Files platform service (dev.cairn.app.files, docs/adr/0010-file-store.md).
-- A stored file is content-addressed per tenant: the same bytes are stored once per tenant, so the
-- hash is unique within a tenant, never across tenants (Globex storing Acme's bytes gets its own
-- row and its own copy, and can never reach Acme's by id or by hash).
CREATE TABLE stored_file (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL REFERENCES tenant (id),
    sha256        VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(120),
    archive       BOOLEAN       NOT NULL,
    created_by    VARCHAR(80)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT stored_file_content_unique UNIQUE (tenant_id, sha256)
);

-- A tenant's own upload limit, set by its tenant admin (at most cairn.files.tenant-limit-ceiling);
-- without a row the platform default cairn.files.max-upload-size holds.
CREATE TABLE file_settings (
    tenant_id         UUID         NOT NULL PRIMARY KEY REFERENCES tenant (id),
    max_upload_bytes  BIGINT       NOT NULL,
    updated_by        VARCHAR(80)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
