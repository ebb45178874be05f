-- Dataset versions (issue 9, "Datasets and versions"): the bytes are a file of the platform's file
-- store, found by its id; the SHA-256 is the version's identity within its dataset (the same bytes
-- twice are the same version). A deleted version (a privacy request) keeps its row as a tombstone:
-- the number is never given again, the history says who deleted it and why; its file, digest and
-- size are gone.
--
-- No foreign key to public.stored_file: a tenant admin may delete any stored file (a privacy request
-- through the admin's file list), and a reference must not stop that; the catalog reads such a
-- version as unavailable.

-- A dataset is now a name with versions; where it came from is said per version.
ALTER TABLE data.dataset ALTER COLUMN source_uri DROP NOT NULL;

CREATE TABLE data.dataset_version (
    id                 UUID          NOT NULL PRIMARY KEY,
    tenant_id          UUID          NOT NULL REFERENCES public.tenant (id),
    project_id         UUID          NOT NULL REFERENCES public.project (id),
    dataset_id         UUID          NOT NULL REFERENCES data.dataset (id),
    version            INT           NOT NULL,
    file_id            UUID,
    sha256             VARCHAR(64),
    size_bytes         BIGINT,
    file_name          VARCHAR(255)  NOT NULL,
    row_count          BIGINT        NOT NULL,
    column_count       INT           NOT NULL,
    format             VARCHAR(10)   NOT NULL,
    delimiter          VARCHAR(1)    NOT NULL,
    quote_char         VARCHAR(1)    NOT NULL,
    has_header         BOOLEAN       NOT NULL,
    encoding           VARCHAR(40)   NOT NULL,
    source             VARCHAR(1000) NOT NULL,
    collection_method  VARCHAR(1000) NOT NULL,
    licence            VARCHAR(1000) NOT NULL,
    notes              VARCHAR(4000) NOT NULL,
    lineage_artifact   UUID,
    created_by         VARCHAR(80)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    provenance_edited_by VARCHAR(80),
    provenance_edited_at TIMESTAMP WITH TIME ZONE,
    deleted_by         VARCHAR(80),
    deleted_at         TIMESTAMP WITH TIME ZONE,
    deletion_reason    VARCHAR(1000),
    CONSTRAINT dataset_version_number_unique UNIQUE (dataset_id, version),
    -- NULLs (deleted versions) never collide: the same bytes uploaded again after a deletion are a new version.
    CONSTRAINT dataset_version_content_unique UNIQUE (dataset_id, sha256)
);
CREATE INDEX dataset_version_dataset ON data.dataset_version (dataset_id, version);

-- The columns as the import found them, in order: the version's inferred minimal schema (names,
-- every one TEXT) until schemas are inferred and agreed (a later increment).
CREATE TABLE data.dataset_version_column (
    version_id  UUID          NOT NULL REFERENCES data.dataset_version (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    tenant_id   UUID          NOT NULL REFERENCES public.tenant (id),
    name        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (version_id, position)
);
