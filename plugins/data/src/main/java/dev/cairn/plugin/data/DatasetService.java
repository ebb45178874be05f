package dev.cairn.plugin.data;

import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.data.db.Tables.DATASET;

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
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a project's datasets and records each registration in the lineage graph. */
@Service
public class DatasetService {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final LineageRecorder lineage;

    DatasetService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, LineageRecorder lineage) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.lineage = lineage;
    }

    public List<DatasetRecord> list(UUID projectId) {
        permissions.require(DataPermissions.READ);
        projects.require(projectId);
        return db.fetch(DATASET, DATASET.PROJECT_ID.eq(projectId), DATASET.CREATED_AT.desc());
    }

    @Transactional
    public DatasetRecord register(UUID projectId, String name, String sourceUri, String description) {
        var user = permissions.require(DataPermissions.REGISTER);
        ProjectRef project = projects.require(projectId);
        String cleanName = required("Name", name, 120);
        String cleanUri = sourceUri(sourceUri);
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > 2000) {
            throw new IllegalArgumentException("Description must have at most 2000 characters.");
        }
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
        UUID artifact = lineage.recordArtifact(projectId, DataPlugin.DATASET_ARTIFACT, cleanName, cleanUri,
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

    /** Removes a dataset from the project's list; its lineage (who registered what, and when) stays. */
    @Transactional
    public void delete(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.DELETE);
        projects.require(projectId);
        require(projectId, datasetId);
        db.delete(DATASET, DATASET.PROJECT_ID.eq(projectId).and(DATASET.ID.eq(datasetId)));
    }

    /** The data gate: at least one dataset registered. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult gate(ProjectRef project) {
        int count = db.count(DATASET, DATASET.PROJECT_ID.eq(project.id()));
        return count > 0 ? dev.cairn.api.plugin.StageGateCheck.GateResult.pass(count + " dataset(s) registered")
                : dev.cairn.api.plugin.StageGateCheck.GateResult.fail("Register the dataset the model will learn from.");
    }

    private DatasetRecord require(UUID projectId, UUID datasetId) {
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

    private static String sourceUri(String value) {
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
