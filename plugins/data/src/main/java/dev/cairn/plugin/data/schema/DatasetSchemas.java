package dev.cairn.plugin.data.schema;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.VersionProfiles;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetSchemaRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.SchemaVersionRecord;
import dev.cairn.plugin.data.profile.DatasetProfile;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset's schema and its versions: inferred once from a dataset version, then every edit a new
 * version with its author and reason, and a manager who did not write a version approves it (which
 * supersedes the version approved before). Versions are never changed but for their status.
 * Every step is in the lineage graph; approvals are audited.
 */
@Service
public class DatasetSchemas {

    static final int MAX_REASON = 2000;

    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final VersionProfiles profiles;
    private final SchemaStore store;
    private final LineageRecorder lineage;
    private final AuditLog audit;

    DatasetSchemas(PermissionCheck permissions, DatasetService datasets, DatasetVersions versions, VersionProfiles profiles,
                   SchemaStore store, LineageRecorder lineage, AuditLog audit) {
        this.permissions = permissions;
        this.datasets = datasets;
        this.versions = versions;
        this.profiles = profiles;
        this.store = store;
        this.lineage = lineage;
        this.audit = audit;
    }

    /** The dataset's schema versions, newest first; empty while it has no schema. */
    public List<SchemaVersion> history(UUID projectId, UUID datasetId) {
        datasets.find(projectId, datasetId);
        return store.schemaOfDataset(datasetId).map(s -> store.versions(s.getId()).stream().map(store::view).toList()).orElse(List.of());
    }

    /** The newest schema version (what an edit starts from). */
    public Optional<SchemaVersion> current(UUID projectId, UUID datasetId) {
        datasets.find(projectId, datasetId);
        return store.schemaOfDataset(datasetId).flatMap(s -> store.versions(s.getId()).stream().findFirst()).map(store::view);
    }

    /** One version of the dataset's schema; a number it does not have is not found. */
    public SchemaVersion version(UUID projectId, UUID datasetId, int version) {
        datasets.find(projectId, datasetId);
        return store.view(requireVersion(datasetId, version));
    }

    /** What changed from version {@code from} to version {@code to} (either may be the older). */
    public List<SchemaChange> diff(UUID projectId, UUID datasetId, int from, int to) {
        datasets.find(projectId, datasetId);
        return SchemaDiff.between(store.schema(requireVersion(datasetId, from)), store.schema(requireVersion(datasetId, to)));
    }

    /**
     * Version 1 of the dataset's schema, inferred from the profile of one of its live versions
     * ({@link SchemaInference}); a draft until a manager approves it.
     */
    @Transactional
    public SchemaVersion infer(UUID projectId, UUID datasetId, UUID datasetVersionId) {
        UserInfo user = permissions.require(DataPermissions.EDIT_SCHEMA);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        DatasetVersionRecord from = versions.version(projectId, datasetVersionId);
        if (!from.getDatasetId().equals(datasetId) || from.getDeletedAt() != null) {
            throw new NotFoundException("Dataset version");
        }
        store.schemaOfDataset(datasetId).ifPresent(existing -> {
            throw new IllegalStateException("Dataset " + dataset.getName() + " already has a schema: edit its newest version instead.");
        });
        DatasetProfile profile = profiles.profile(projectId, datasetVersionId)
                .orElseThrow(() -> new IllegalStateException("Version " + from.getVersion() + " has no statistics to infer a schema from."));
        List<Feature> features = SchemaInference.features(profile);
        OffsetDateTime now = now();
        DatasetSchemaRecord schema;
        try {
            schema = store.insertSchema(projectId, datasetId, user.username(), now);
        } catch (DataIntegrityViolationException raced) {
            throw new IllegalStateException("Dataset " + dataset.getName() + " got a schema a moment ago: reload to see it.", raced);
        }
        SchemaVersionRecord version = newVersion(projectId, schema.getId(), 1, 0, user, "Inferred from dataset version " + from.getVersion()
                + ".", now);
        version.setInferredFrom(from.getId());
        UUID artifact = artifact(projectId, dataset, version, features.size());
        version.setLineageArtifact(artifact);
        store.insertVersion(version, features);
        lineage.recordExecution(projectId, SchemaLineage.INFERENCE_EXECUTION, "Infer " + dataset.getName() + " schema from v"
                + from.getVersion(), from.getLineageArtifact() == null ? List.of() : List.of(from.getLineageArtifact()), List.of(artifact),
                Map.of("by", user.username(), "dataset_version", String.valueOf(from.getVersion())));
        return store.view(version);
    }

    /**
     * Saves the features (in order) and least row count as the next schema version, a draft, with the
     * author and reason. {@code basedOn} is the version the editor started from: when someone saved
     * a newer one meanwhile nothing is saved and the user is told. An edit that changes nothing is
     * refused; so is any bad feature, naming the field and the feature, with nothing saved.
     */
    @Transactional
    public SchemaVersion save(UUID projectId, UUID datasetId, int basedOn, List<FeatureDraft> drafts, long minRows, String reason) {
        UserInfo user = permissions.require(DataPermissions.EDIT_SCHEMA);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        String why = reason(reason);
        DatasetSchemaRecord schema = store.schemaOfDataset(datasetId)
                .orElseThrow(() -> new IllegalStateException("Dataset " + dataset.getName() + " has no schema yet: infer one first."));
        SchemaVersionRecord base = requireVersion(datasetId, basedOn);
        SchemaVersionRecord newest = store.versions(schema.getId()).getFirst();
        if (newest.getVersion() != basedOn) {
            throw new IllegalStateException("Version " + newest.getVersion() + " was saved by " + newest.getAuthor()
                    + " since you opened version " + basedOn + ": reload the page and make your change on it.");
        }
        List<Feature> features = features(drafts);
        if (minRows < 0) {
            throw new IllegalArgumentException("Least rows must not be negative, was " + minRows + ".");
        }
        return saveNext(projectId, dataset, schema, base, features, minRows, user, why, null);
    }

    /**
     * A new schema version inferred afresh from a newer (or any live) dataset version's statistics,
     * as {@link #infer} does for version 1, with the reason given: a draft, diffable against the
     * version before, the least row count kept. Refused like {@link #save} when someone saved a newer
     * version meanwhile, or when the inference says what the newest version already says.
     */
    @Transactional
    public SchemaVersion reinfer(UUID projectId, UUID datasetId, int basedOn, UUID datasetVersionId, String reason) {
        UserInfo user = permissions.require(DataPermissions.EDIT_SCHEMA);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        String why = reason(reason);
        DatasetSchemaRecord schema = store.schemaOfDataset(datasetId)
                .orElseThrow(() -> new IllegalStateException("Dataset " + dataset.getName() + " has no schema yet: infer one first."));
        DatasetVersionRecord from = versions.version(projectId, datasetVersionId);
        if (!from.getDatasetId().equals(datasetId) || from.getDeletedAt() != null) {
            throw new NotFoundException("Dataset version");
        }
        SchemaVersionRecord base = requireVersion(datasetId, basedOn);
        SchemaVersionRecord newest = store.versions(schema.getId()).getFirst();
        if (newest.getVersion() != basedOn) {
            throw new IllegalStateException("Version " + newest.getVersion() + " was saved by " + newest.getAuthor()
                    + " since you opened version " + basedOn + ": reload the page and infer again on it.");
        }
        DatasetProfile profile = profiles.profile(projectId, datasetVersionId)
                .orElseThrow(() -> new IllegalStateException("Version " + from.getVersion() + " has no statistics to infer a schema from."));
        String said = "Inferred again from dataset version " + from.getVersion() + ": " + why;
        return saveNext(projectId, dataset, schema, base, SchemaInference.features(profile), base.getMinRows(), user,
                said.length() > MAX_REASON ? said.substring(0, MAX_REASON) : said, from);
    }

    /** The next version after {@code base}; {@code inferredFrom} is the dataset version a re-inference read, else null. */
    private SchemaVersion saveNext(UUID projectId, DatasetRecord dataset, DatasetSchemaRecord schema, SchemaVersionRecord base,
                                   List<Feature> features, long minRows, UserInfo user, String why, DatasetVersionRecord inferredFrom) {
        int basedOn = base.getVersion();
        DatasetSchema proposed = new DatasetSchema(schema.getId(), basedOn + 1, features, minRows);
        if (SchemaDiff.between(store.schema(base), proposed).isEmpty()) {
            throw new IllegalArgumentException("Nothing changed: version " + basedOn + " already says this.");
        }
        OffsetDateTime now = now();
        SchemaVersionRecord version = newVersion(projectId, schema.getId(), basedOn + 1, minRows, user, why, now);
        version.setPreviousVersion(basedOn);
        if (inferredFrom != null) {
            version.setInferredFrom(inferredFrom.getId());
        }
        UUID artifact = artifact(projectId, dataset, version, features.size());
        version.setLineageArtifact(artifact);
        try {
            store.insertVersion(version, features);
        } catch (DataIntegrityViolationException raced) {
            throw new IllegalStateException("Someone saved version " + (basedOn + 1) + " a moment ago: reload the page and make your change on it.",
                    raced);
        }
        List<UUID> inputs = new ArrayList<>();
        if (base.getLineageArtifact() != null) {
            inputs.add(base.getLineageArtifact());
        }
        if (inferredFrom != null && inferredFrom.getLineageArtifact() != null) {
            inputs.add(inferredFrom.getLineageArtifact());
        }
        String execution = inferredFrom == null ? SchemaLineage.EDIT_EXECUTION : SchemaLineage.INFERENCE_EXECUTION;
        String name = (inferredFrom == null ? "Edit " : "Infer again ") + dataset.getName() + " schema v" + basedOn + " → v" + version.getVersion();
        lineage.recordExecution(projectId, execution, name, inputs, List.of(artifact), Map.of("by", user.username(), "reason", why));
        return store.view(version);
    }

    /**
     * Approves a draft: refused to its author (separation of duties), for a version that is not a
     * draft, and for one older than the approved version. The approved version before it becomes
     * superseded. Audited and in lineage.
     */
    @Transactional
    public SchemaVersion approve(UUID projectId, UUID datasetId, int number) {
        UserInfo user = permissions.require(DataPermissions.APPROVE_SCHEMA);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        SchemaVersionRecord version = requireVersion(datasetId, number);
        String target = "dataset " + dataset.getName() + " schema v" + number + " (" + version.getId() + ")";
        if (version.getAuthor().equals(user.username())) {
            throw new SeparationOfDutiesException("You wrote schema version " + number
                    + ": another manager must approve it (separation of duties: nobody approves their own work).");
        }
        if (!version.getStatus().equals(SchemaVersion.Status.DRAFT.name())) {
            throw new IllegalStateException("Schema version " + number + " is " + version.getStatus().toLowerCase(java.util.Locale.ROOT)
                    + ": only a draft can be approved.");
        }
        Optional<SchemaVersionRecord> approved = store.versions(version.getSchemaId()).stream()
                .filter(v -> v.getStatus().equals(SchemaVersion.Status.APPROVED.name())).findFirst();
        if (approved.isPresent() && approved.get().getVersion() > number) {
            throw new IllegalStateException("Schema version " + number + " is older than the approved version " + approved.get().getVersion()
                    + ": edit the newest version instead.");
        }
        OffsetDateTime now = now();
        approved.ifPresent(previous -> {
            previous.setStatus(SchemaVersion.Status.SUPERSEDED.name());
            store.update(previous);
        });
        version.setStatus(SchemaVersion.Status.APPROVED.name());
        version.setApprovedBy(user.username());
        version.setApprovedAt(now);
        store.update(version);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("by", user.username());
        properties.put("author", version.getAuthor());
        approved.ifPresent(previous -> properties.put("supersedes", "v" + previous.getVersion()));
        List<UUID> inputs = version.getLineageArtifact() == null ? List.of() : List.of(version.getLineageArtifact());
        lineage.recordExecution(projectId, SchemaLineage.APPROVAL_EXECUTION, "Approve " + dataset.getName() + " schema v" + number, inputs,
                List.of(), properties);
        audit.record("data.schema.approve", target, AuditLog.Outcome.SUCCESS, "written by " + version.getAuthor()
                + approved.map(previous -> "; supersedes v" + previous.getVersion()).orElse(""));
        return store.view(version);
    }

    /** Checks every draft (the first problem refuses the save, naming the field and feature), then names and the label. */
    private static List<Feature> features(List<FeatureDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw new IllegalArgumentException("Features: a schema has at least one feature.");
        }
        List<Feature> features = new ArrayList<>();
        for (FeatureDraft draft : drafts) {
            features.add(draft.toFeature());
        }
        List<String> names = features.stream().map(Feature::name).toList();
        names.stream().filter(name -> names.indexOf(name) != names.lastIndexOf(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("Name: feature " + name + " is listed twice.");
        });
        List<String> labels = features.stream().filter(Feature::label).map(Feature::name).toList();
        if (labels.size() > 1) {
            throw new IllegalArgumentException("Label: only one feature can be the label, not " + String.join(" and ", labels) + ".");
        }
        return features;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("Reason: say why the schema changes (the history shows it to whoever approves it).");
        }
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("Reason must have at most " + MAX_REASON + " characters.");
        }
        return why;
    }

    private SchemaVersionRecord requireVersion(UUID datasetId, int version) {
        return store.schemaOfDataset(datasetId).flatMap(s -> store.version(s.getId(), version))
                .orElseThrow(() -> new NotFoundException("Schema version"));
    }

    private SchemaVersionRecord newVersion(UUID projectId, UUID schemaId, int number, long minRows, UserInfo user, String reason,
                                           OffsetDateTime now) {
        SchemaVersionRecord version = store.newVersion();
        version.setId(UUID.randomUUID());
        version.setProjectId(projectId);
        version.setSchemaId(schemaId);
        version.setVersion(number);
        version.setMinRows(minRows);
        version.setStatus(SchemaVersion.Status.DRAFT.name());
        version.setAuthor(user.username());
        version.setReason(reason);
        version.setCreatedAt(now);
        return version;
    }

    private UUID artifact(UUID projectId, DatasetRecord dataset, SchemaVersionRecord version, int features) {
        return lineage.recordArtifact(projectId, SchemaLineage.VERSION_ARTIFACT, dataset.getName() + " schema v" + version.getVersion(),
                "cairn-schema:" + version.getSchemaId() + "/" + version.getVersion(), Map.of("dataset_id", dataset.getId().toString(),
                        "schema_id", version.getSchemaId().toString(), "version", String.valueOf(version.getVersion()), "features",
                        String.valueOf(features), "author", version.getAuthor(), "reason", version.getReason()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
