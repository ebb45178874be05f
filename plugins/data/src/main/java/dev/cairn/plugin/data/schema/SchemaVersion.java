package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.DatasetSchema;
import java.time.Instant;

/**
 * One stored version of a dataset's schema with its history facts, as the schema page shows it.
 *
 * @param inferredFrom    the dataset version number it was inferred from, or null for an edit
 * @param previousVersion the schema version an edit started from, or null for an inference
 * @param approvedBy      who approved it (also kept once it is superseded), or null
 */
public record SchemaVersion(java.util.UUID id, DatasetSchema schema, Status status, String author, String reason, Instant createdAt,
                            Integer inferredFrom, Integer previousVersion, String approvedBy, Instant approvedAt) {

    /** A draft is being agreed; one version at a time is approved; an approved version is superseded by the next approval. */
    public enum Status { DRAFT, APPROVED, SUPERSEDED }

    public int version() {
        return schema.version();
    }
}
