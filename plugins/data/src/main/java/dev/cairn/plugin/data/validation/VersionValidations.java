package dev.cairn.plugin.data.validation;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.VersionValidationRecord;
import dev.cairn.api.data.DatasetSchema;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.schema.FeatureDraft;
import dev.cairn.plugin.data.schema.SchemaVersion;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validation runs that are kept: a dataset version checked against a schema version in an
 * environment ({@link VersionValidation}), stored with its anomalies, who and when, in the lineage
 * graph (a report made from the version and the schema version) and the audit log. So each
 * version records the schema version it was validated against. Validating needs
 * {@code data.validate}; reading the runs, {@code data.read}.
 */
@Service
public class VersionValidations {

    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetSchemas schemas;
    private final VersionValidation validation;
    private final ValidationStore store;
    private final LineageRecorder lineage;
    private final AuditLog audit;

    VersionValidations(PermissionCheck permissions, DatasetService datasets, DatasetVersions versions, DatasetSchemas schemas,
                       VersionValidation validation, ValidationStore store, LineageRecorder lineage, AuditLog audit) {
        this.permissions = permissions;
        this.datasets = datasets;
        this.versions = versions;
        this.schemas = schemas;
        this.validation = validation;
        this.store = store;
        this.lineage = lineage;
        this.audit = audit;
    }

    /**
     * Validates the version against schema version {@code schemaVersion} of its dataset in the
     * environment, and stores the run.
     *
     * @throws NotFoundException      for a version of another project or tenant, or a schema version the dataset lacks
     * @throws IllegalStateException  when the version was deleted or has no statistics yet
     * @throws IllegalArgumentException naming the environment when it is blank
     */
    @Transactional
    public StoredValidation validate(UUID projectId, UUID versionId, int schemaVersion, String environment) {
        UserInfo user = permissions.require(DataPermissions.VALIDATE);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        DatasetRecord dataset = datasets.find(projectId, version.getDatasetId());
        SchemaVersion schema = schemas.version(projectId, dataset.getId(), schemaVersion);
        ValidationReport report = validation.validate(projectId, versionId, schema.schema(), environment);
        Verdict verdict = Verdict.of(report);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

        VersionValidationRecord row = store.newRecord();
        row.setId(UUID.randomUUID());
        row.setProjectId(projectId);
        row.setDatasetId(dataset.getId());
        row.setVersionId(versionId);
        row.setSchemaVersionId(schema.id());
        row.setSchemaId(schema.schema().id());
        row.setSchemaVersion(schema.version());
        row.setEnvironment(report.environment());
        row.setVerdict(verdict.name());
        row.setErrorCount(report.errors().size());
        row.setWarningCount(report.warnings().size());
        row.setRowCount(report.rows());
        row.setAnomaliesJson(AnomalyJson.write(report.anomalies()));
        row.setValidatedBy(user.username());
        row.setValidatedAt(now);
        String name = dataset.getName() + " v" + version.getVersion() + " against schema v" + schema.version() + " (" + report.environment() + ")";
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dataset_id", dataset.getId().toString());
        facts.put("version_id", versionId.toString());
        facts.put("schema_version", String.valueOf(schema.version()));
        facts.put("environment", report.environment());
        facts.put("verdict", verdict.name());
        facts.put("errors", String.valueOf(report.errors().size()));
        facts.put("warnings", String.valueOf(report.warnings().size()));
        UUID artifact = lineage.recordArtifact(projectId, ValidationLineage.REPORT_ARTIFACT, "Validation of " + name,
                "cairn-validation:" + row.getId(), facts);
        row.setLineageArtifact(artifact);
        store.insert(row);
        List<UUID> inputs = new ArrayList<>();
        Optional.ofNullable(version.getLineageArtifact()).ifPresent(inputs::add);
        store.schemaVersion(schema.id()).map(s -> s.getLineageArtifact()).ifPresent(inputs::add);
        lineage.recordExecution(projectId, ValidationLineage.VALIDATION_EXECUTION, "Validate " + name, inputs, List.of(artifact),
                Map.of("by", user.username(), "verdict", verdict.name()));
        audit.record("data.version.validate", "dataset " + dataset.getName() + " version " + version.getVersion() + " (" + versionId + ")",
                AuditLog.Outcome.SUCCESS, verdict.label + " against schema v" + schema.version() + " in " + report.environment() + ": "
                        + report.errors().size() + " error(s), " + report.warnings().size() + " warning(s)");
        return store.run(row.getId()).orElseThrow();
    }

    /**
     * Saves one anomaly's fix from a stored run as the next schema version (through the schema
     * service: it needs {@code data.edit-schema}, takes the reason, and refuses when someone saved a
     * newer schema version since the one the run used), then validates the run's version against the
     * new schema version in the same environment, so the user sees the anomaly gone. Both or neither.
     *
     * @throws IllegalArgumentException for a fix the run did not offer
     */
    @Transactional
    public StoredValidation fix(UUID projectId, UUID runId, SchemaFix fix, String reason) {
        permissions.require(DataPermissions.EDIT_SCHEMA);
        StoredValidation run = store.run(runId).orElseThrow(() -> new NotFoundException("Validation"));
        versions.version(projectId, run.versionId()); // another project's or tenant's run is not found
        if (run.anomalies().stream().noneMatch(a -> fix.equals(a.fix()))) {
            throw new IllegalArgumentException("Fix: the validation did not offer '" + fix.description() + "'.");
        }
        SchemaVersion base = schemas.version(projectId, run.datasetId(), run.schemaVersion());
        DatasetSchema next = fix.applyTo(base.schema());
        SchemaVersion saved = schemas.save(projectId, run.datasetId(), base.version(), next.features().stream().map(FeatureDraft::of).toList(),
                next.minRows(), reason);
        return validate(projectId, run.versionId(), saved.version(), run.environment());
    }

    /**
     * The schema version a validation uses unless told otherwise: the newest approved, else the
     * newest; empty while the dataset has no schema.
     */
    public Optional<SchemaVersion> defaultSchema(UUID projectId, UUID datasetId) {
        List<SchemaVersion> history = schemas.history(projectId, datasetId);
        return history.stream().filter(v -> v.status() == SchemaVersion.Status.APPROVED).findFirst().or(() -> history.stream().findFirst());
    }

    /** The version's validation runs, newest first. */
    public List<StoredValidation> history(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        versions.version(projectId, versionId);
        return store.history(versionId);
    }

    /** The version's newest validation run, if it has one. */
    public Optional<StoredValidation> newest(UUID projectId, UUID versionId) {
        return history(projectId, versionId).stream().findFirst();
    }

    /** The newest run of each of the dataset's versions that has one (the version history's badges). */
    public Map<UUID, StoredValidation> newestPerVersion(UUID projectId, UUID datasetId) {
        datasets.find(projectId, datasetId);
        return store.newestPerVersion(datasetId);
    }
}
