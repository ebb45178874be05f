package dev.cairn.plugin.data.validation;

import static dev.cairn.plugin.data.db.Tables.DATASET;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset's training version: the version its models are to learn from, which the data gate
 * reads. A member or manager chooses it ({@code data.validate}, as validating is theirs); the choice
 * is audited. A deleted version cannot be chosen.
 */
@Service
public class TrainingVersions {

    private final TenantDb db;
    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final AuditLog audit;

    TrainingVersions(TenantDb db, PermissionCheck permissions, DatasetService datasets, DatasetVersions versions, AuditLog audit) {
        this.db = db;
        this.permissions = permissions;
        this.datasets = datasets;
        this.versions = versions;
        this.audit = audit;
    }

    /**
     * Makes the version its dataset's training version (replacing the one chosen before).
     *
     * @throws NotFoundException     for a version of another dataset, project or tenant
     * @throws IllegalStateException for a deleted version
     */
    @Transactional
    public DatasetVersionRecord choose(UUID projectId, UUID datasetId, UUID versionId) {
        UserInfo user = permissions.require(DataPermissions.VALIDATE);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (!version.getDatasetId().equals(datasetId)) {
            throw new NotFoundException("Dataset version");
        }
        if (version.getDeletedAt() != null) {
            throw new IllegalStateException("Version " + version.getVersion() + " was deleted: choose a version that still has its data.");
        }
        Optional<Integer> before = current(dataset).map(DatasetVersionRecord::getVersion);
        db.update(DATASET, Map.of(DATASET.TRAINING_VERSION, versionId, DATASET.TRAINING_CHOSEN_BY, user.username(),
                DATASET.TRAINING_CHOSEN_AT, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)),
                DATASET.PROJECT_ID.eq(projectId).and(DATASET.ID.eq(datasetId)));
        audit.record("data.training-version.choose", "dataset " + dataset.getName() + " (" + datasetId + ")", AuditLog.Outcome.SUCCESS,
                "version " + version.getVersion() + before.map(v -> " (was version " + v + ")").orElse(""));
        return version;
    }

    /** The dataset's training version (a deleted one included: the gate says so); empty while none is chosen. */
    public Optional<DatasetVersionRecord> of(UUID projectId, UUID datasetId) {
        return current(datasets.find(projectId, datasetId));
    }

    private Optional<DatasetVersionRecord> current(DatasetRecord dataset) {
        return Optional.ofNullable(dataset.getTrainingVersion()).map(id -> versions.version(dataset.getProjectId(), id));
    }
}
