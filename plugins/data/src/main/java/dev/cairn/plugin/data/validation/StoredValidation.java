package dev.cairn.plugin.data.validation;

import dev.cairn.plugin.data.schema.SchemaVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validation run as stored: which dataset version was checked against which schema version in which
 * environment, what was found, by whom and when.
 *
 * @param versionNumber the dataset version's number
 * @param schemaStatus  the schema version's status now (a draft validated against may since have been approved)
 */
public record StoredValidation(UUID id, UUID datasetId, UUID versionId, int versionNumber, UUID schemaId, int schemaVersion,
                               SchemaVersion.Status schemaStatus, String environment, Verdict verdict, int errors, int warnings,
                               long rows, List<Anomaly> anomalies, String validatedBy, Instant validatedAt) {

    public StoredValidation {
        anomalies = List.copyOf(anomalies);
    }

    public boolean againstApprovedSchema() {
        return schemaStatus == SchemaVersion.Status.APPROVED;
    }
}
