package dev.cairn.plugin.data;

import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.files.FileStore;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.lineage.LineageQueries.Dependent;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's datasets (create, rename, delete), each registration recorded in the lineage graph; their versions are {@link DatasetVersions}. */
@Service
public class DatasetService {

    /** How many dependents a refusal names before it says "and N more". */
    static final int NAMED_DEPENDENTS = 3;

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final LineageRecorder lineage;
    private final LineageQueries lineageQueries;
    private final FileStore files;
    private final AuditLog audit;

    DatasetService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, LineageRecorder lineage,
                   LineageQueries lineageQueries, FileStore files, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.lineage = lineage;
        this.lineageQueries = lineageQueries;
        this.files = files;
        this.audit = audit;
    }

    public List<DatasetRecord> list(UUID projectId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        return db.fetch(DATASET, DATASET.PROJECT_ID.eq(projectId), DATASET.CREATED_AT.desc());
    }

    /** One dataset of the project; another project's or tenant's is not found. */
    public DatasetRecord find(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        return require(projectId, datasetId);
    }

    /** One dataset of the project by its name; not found as {@link #find}. */
    public DatasetRecord findByName(UUID projectId, String name) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        return requireByName(projectId, name);
    }

    /** For callers that checked their own permission (an upload token need not read the list). */
    DatasetRecord requireByName(UUID projectId, String name) {
        return db.fetchOptional(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.NAME.eq(name == null ? "" : name.strip())))
                .orElseThrow(() -> new dev.cairn.api.tenancy.NotFoundException("Dataset " + name));
    }

    @Transactional
    public DatasetRecord register(UUID projectId, String name, String sourceUri, String description) {
        var user = permissions.require(DataPermissions.REGISTER);
        ProjectRef project = projects.require(projectId);
        String cleanName = required("Name", name, 120);
        String cleanUri = sourceUri(sourceUri);
        String cleanDescription = description(description);
        if (db.count(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.NAME.eq(cleanName))) > 0) {
            throw new IllegalArgumentException("Name: a dataset named " + cleanName + " already exists in " + project.key() + ".");
        }
        DatasetRecord dataset = db.newRecord(DATASET);
        dataset.setId(UUID.randomUUID());
        dataset.setProjectId(projectId);
        dataset.setName(cleanName);
        dataset.setSourceUri(cleanUri);
        dataset.setDescription(cleanDescription);
        dataset.setCreatedBy(user.username());
        dataset.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(dataset);
        UUID artifact = lineage.recordArtifact(projectId, DataPlugin.DATASET_ARTIFACT, cleanName, cleanUri == null ? "cairn-dataset:" + dataset.getId() : cleanUri,
                Map.of("dataset_id", dataset.getId().toString(), "registered_by", user.username()));
        lineage.recordExecution(projectId, DataPlugin.REGISTRATION_EXECUTION, "Register " + cleanName,
                List.of(), List.of(artifact), Map.of("by", user.username()));
        return dataset;
    }

    /**
     * Changes a dataset's name, source and description. Its lineage keeps the registration as it was:
     * lineage records what happened, not what the dataset is called today.
     */
    @Transactional
    public DatasetRecord update(UUID projectId, UUID datasetId, String name, String sourceUri, String description) {
        permissions.require(DataPermissions.REGISTER);
        ProjectRef project = projects.require(projectId);
        DatasetRecord dataset = require(projectId, datasetId);
        String cleanName = required("Name", name, 120);
        String cleanUri = sourceUri(sourceUri);
        String cleanDescription = description(description);
        if (db.count(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.NAME.eq(cleanName)).and(DATASET.ID.ne(datasetId))) > 0) {
            throw new IllegalArgumentException("Name: a dataset named " + cleanName + " already exists in " + project.key() + ".");
        }
        dataset.setName(cleanName);
        dataset.setSourceUri(cleanUri);
        dataset.setDescription(cleanDescription);
        db.update(dataset);
        return dataset;
    }

    /**
     * Removes a dataset and its versions (their bytes too, as far as no other dataset holds the same
     * bytes), audited; its lineage (who registered and uploaded what, and when) stays. Refused while lineage shows something made from it (a baseline measured on it, a model trained
     * on it): deleting it would leave them pointing at a dataset nobody can find.
     */
    @Transactional
    public void delete(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.DELETE);
        projects.require(projectId);
        DatasetRecord dataset = require(projectId, datasetId);
        List<Dependent> dependents = dependentsOf(projectId, dataset);
        if (!dependents.isEmpty()) {
            throw new IllegalStateException(refusal(dataset, dependents));
        }
        // Its versions go with it, bytes included (unless another dataset's live version holds the same bytes).
        var versions = db.fetch(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(datasetId));
        for (var version : versions) {
            db.delete(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(version.getId()));
        }
        db.delete(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(datasetId));
        db.delete(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.ID.eq(datasetId)));
        long deletedFiles = 0;
        for (var version : versions) {
            if (version.getFileId() != null && db.count(DATASET_VERSION, DATASET_VERSION.FILE_ID.eq(version.getFileId())) == 0) {
                files.delete(version.getFileId(), "Dataset " + dataset.getName() + " deleted", DataPermissions.DELETE);
                deletedFiles++;
            }
        }
        audit.record("data.dataset.delete", "dataset " + dataset.getName() + " (" + datasetId + ")", AuditLog.Outcome.SUCCESS,
                versions.size() + " version(s), " + deletedFiles + " stored file(s) deleted");
    }

    /**
     * Why the dataset cannot be deleted, naming what depends on it; empty when it can be. Views ask
     * before they offer the delete, so the user reads it on the confirmation.
     */
    public Optional<String> deleteRefusal(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        DatasetRecord dataset = require(projectId, datasetId);
        List<Dependent> dependents = dependentsOf(projectId, dataset);
        return dependents.isEmpty() ? Optional.empty() : Optional.of(refusal(dataset, dependents));
    }

    /** What lineage shows was made from the dataset's registered artifact; the artifacts are named first. */
    private List<Dependent> dependentsOf(UUID projectId, DatasetRecord dataset) {
        // Its own versions (and their imports and tombstones) are the dataset, not dependents of it;
        // what other stages made from a version is.
        return lineageQueries.artifactWith(projectId, DataPlugin.DATASET_ARTIFACT, "dataset_id", dataset.getId().toString())
                .map(artifact -> lineageQueries.downstream(projectId, artifact.id()))
                .orElse(List.of()).stream().filter(d -> !DataPlugin.OWN_VERSION_TYPES.contains(d.type())).toList();
    }

    static String refusal(DatasetRecord dataset, List<Dependent> dependents) {
        // Artifacts (a baseline, a model) say more to the user than the executions that made them.
        List<Dependent> named = Stream.concat(dependents.stream().filter(d -> !d.execution()),
                dependents.stream().filter(Dependent::execution)).toList();
        String names = String.join(", ", named.stream().limit(NAMED_DEPENDENTS).map(Dependent::describe).toList());
        int more = named.size() - Math.min(NAMED_DEPENDENTS, named.size());
        return "Dataset " + dataset.getName() + " cannot be deleted: lineage shows " + names
                + (more > 0 ? " and " + more + " more" : "") + " made from it.";
    }

    DatasetRecord require(UUID projectId, UUID datasetId) {
        return db.fetchOptional(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.ID.eq(datasetId))).orElseThrow(() -> new dev.cairn.api.tenancy.NotFoundException("Dataset"));
    }

    private static String description(String description) {
        String clean = description == null ? "" : description.strip();
        if (clean.length() > 2000) {
            throw new IllegalArgumentException("Description must have at most 2000 characters.");
        }
        return clean;
    }

    private static String required(String field, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        if (clean.length() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " characters.");
        }
        return clean;
    }

    /** Optional since datasets hold their versions: where the data lives outside Cairn, if anywhere. */
    private static String sourceUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = required("Source URI", value, 1000);
        try {
            URI uri = new URI(clean);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("Source URI needs a scheme, e.g. s3://bucket/path or file:/data/x.csv.");
            }
            if (List.of("javascript", "data", "vbscript").contains(uri.getScheme().toLowerCase())) {
                throw new IllegalArgumentException("Source URI scheme " + uri.getScheme() + " is not allowed.");
            }
            return clean;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Source URI is not a valid URI: " + e.getReason() + ".");
        }
    }
}
