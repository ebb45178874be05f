package dev.cairn.api.data;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable version of a dataset: the bytes (by content digest, in file storage), how many rows
 * they hold and the schema version they were checked against. What modeling trains on and what
 * deployment compares serving data with.
 *
 * @param id            this version
 * @param dataset       the dataset it is a version of
 * @param version       1, 2, ... within the dataset
 * @param contentDigest SHA-256 of the file's bytes, lower-case hex (what MLflow's dataset input records)
 * @param fileId        the file in the platform's file storage
 * @param rowCount      data rows (the header not counted)
 * @param schema        the schema version it was validated against, with its features
 * @param createdAt     when it was registered (UTC)
 * @param createdBy     who registered it (username)
 */
public record DatasetVersion(UUID id, DatasetRef dataset, int version, String contentDigest, UUID fileId, long rowCount,
                             DatasetSchema schema, Instant createdAt, String createdBy) {

    public DatasetVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(contentDigest, "contentDigest");
        Objects.requireNonNull(schema, "schema");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative, was " + rowCount);
        }
    }
}
