package dev.cairn.plugin.data.validation;

import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_VERSION;
import static dev.cairn.plugin.data.db.Tables.VERSION_VALIDATION;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.SchemaVersionRecord;
import dev.cairn.plugin.data.db.tables.records.VersionValidationRecord;
import dev.cairn.plugin.data.schema.SchemaVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads and writes stored validation runs for the tenant in scope. No permission checks:
 * {@link VersionValidations} and the data gate check their own.
 */
@Component
class ValidationStore {

    private final TenantDb db;

    ValidationStore(TenantDb db) {
        this.db = db;
    }

    VersionValidationRecord newRecord() {
        return db.newRecord(VERSION_VALIDATION);
    }

    void insert(VersionValidationRecord record) {
        db.insert(record);
    }

    /** The schema version row (for its lineage artifact and status). */
    Optional<SchemaVersionRecord> schemaVersion(UUID schemaVersionId) {
        return db.fetchOptional(SCHEMA_VERSION, SCHEMA_VERSION.ID.eq(schemaVersionId));
    }

    /** One run by its id (the tenant's in scope). */
    Optional<StoredValidation> run(UUID runId) {
        return view(db.fetch(VERSION_VALIDATION, VERSION_VALIDATION.ID.eq(runId))).stream().findFirst();
    }

    /** A version's runs, newest first. */
    List<StoredValidation> history(UUID versionId) {
        return view(db.fetch(VERSION_VALIDATION, VERSION_VALIDATION.VERSION_ID.eq(versionId), VERSION_VALIDATION.VALIDATED_AT.desc(),
                VERSION_VALIDATION.ID.desc()));
    }

    /** The newest run of each of the dataset's versions that has one, by version id. */
    Map<UUID, StoredValidation> newestPerVersion(UUID datasetId) {
        return view(db.fetch(VERSION_VALIDATION, VERSION_VALIDATION.DATASET_ID.eq(datasetId), VERSION_VALIDATION.VALIDATED_AT.desc(),
                VERSION_VALIDATION.ID.desc())).stream()
                .collect(Collectors.toMap(StoredValidation::versionId, Function.identity(), (newer, older) -> newer));
    }

    private List<StoredValidation> view(List<VersionValidationRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, SchemaVersionRecord> schemaVersions = db.fetch(SCHEMA_VERSION, SCHEMA_VERSION.ID.in(rows.stream()
                .map(VersionValidationRecord::getSchemaVersionId).distinct().toList())).stream()
                .collect(Collectors.toMap(SchemaVersionRecord::getId, Function.identity()));
        Map<UUID, Integer> numbers = db.fetch(DATASET_VERSION, DATASET_VERSION.ID.in(rows.stream().map(VersionValidationRecord::getVersionId)
                .distinct().toList())).stream().collect(Collectors.toMap(v -> v.getId(), v -> v.getVersion()));
        return rows.stream().map(r -> new StoredValidation(r.getId(), r.getDatasetId(), r.getVersionId(), numbers.get(r.getVersionId()),
                r.getSchemaId(), r.getSchemaVersion(), SchemaVersion.Status.valueOf(schemaVersions.get(r.getSchemaVersionId()).getStatus()),
                r.getEnvironment(), Verdict.valueOf(r.getVerdict()), r.getErrorCount(), r.getWarningCount(), r.getRowCount(),
                AnomalyJson.read(r.getAnomaliesJson()), r.getValidatedBy(), r.getValidatedAt().toInstant())).toList();
    }
}
