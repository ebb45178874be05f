package dev.cairn.plugin.data.selection;

import static dev.cairn.plugin.data.db.Tables.FEATURE_RANKING;

import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.data.Feature;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.FeatureRankingRecord;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A version's feature rankings: queuing the ranking job ({@link RankingJob}) for a label, and
 * reading where each ranking stands. Members rank ({@code data.rank-features}); everyone who reads
 * data reads the rankings.
 */
@Service
public class FeatureRankings {

    private final TenantDb db;
    private final Jobs jobs;
    private final PermissionCheck permissions;
    private final DatasetVersions versions;
    private final DatasetCatalog catalog;
    private final DatasetSchemas schemas;

    FeatureRankings(TenantDb db, Jobs jobs, PermissionCheck permissions, DatasetVersions versions, DatasetCatalog catalog,
                    DatasetSchemas schemas) {
        this.db = db;
        this.jobs = jobs;
        this.permissions = permissions;
        this.versions = versions;
        this.catalog = catalog;
        this.schemas = schemas;
    }

    /**
     * Queues a ranking of the version's features against the label, replacing the label's earlier
     * ranking once it is done (and superseding a run of it still queued or running).
     *
     * @throws IllegalArgumentException naming the problem: no label, not a column, a deleted version
     * @throws dev.cairn.api.tenancy.NotFoundException for a version of another project or tenant
     */
    @Transactional
    public RankingState rank(UUID projectId, UUID versionId, String label) {
        var user = permissions.require(DataPermissions.RANK_FEATURES);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getDeletedAt() != null) {
            throw new IllegalArgumentException("Version " + version.getVersion() + " was deleted: its rows are gone, so its features cannot be ranked.");
        }
        List<String> columns = versions.columns(projectId, versionId);
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Label: choose the column to rank the features against.");
        }
        if (!columns.contains(label)) {
            throw new IllegalArgumentException("Label: version " + version.getVersion() + " has no column " + label + ".");
        }
        FeatureRankingRecord row = db.fetchOptional(FEATURE_RANKING, FEATURE_RANKING.VERSION_ID.eq(versionId)
                .and(FEATURE_RANKING.LABEL_COLUMN.eq(label))).orElse(null);
        // A run still queued or running is superseded, not waited for: it finds the row no longer names its job and
        // writes nothing (so a job cancelled before it started never leaves the ranking stuck as queued).
        boolean fresh = row == null;
        if (fresh) {
            row = db.newRecord(FEATURE_RANKING);
            row.setId(UUID.randomUUID());
            row.setProjectId(projectId);
            row.setVersionId(versionId);
            row.setLabelColumn(label);
        }
        UUID job = jobs.submit(RankingJob.TYPE, "Rank the features of " + version.getFileName() + " (v" + version.getVersion() + ") against "
                + label, projectId, row.getId().toString(), DataPermissions.RANK_FEATURES);
        row.setStatus(RankingState.Status.QUEUED.name());
        row.setJobId(job);
        row.setProgress(0.0);
        row.setErrorMessage(null);
        row.setRequestedBy(user.username());
        row.setRequestedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        if (fresh) {
            db.insert(row);
        } else {
            db.update(row);
        }
        return toState(row);
    }

    /** The version's ranking against the label, if one was ever asked for. */
    public Optional<RankingState> state(UUID projectId, UUID versionId, String label) {
        permissions.require(DataPermissions.READ);
        versions.version(projectId, versionId);
        return db.fetchOptional(FEATURE_RANKING, FEATURE_RANKING.VERSION_ID.eq(versionId).and(FEATURE_RANKING.LABEL_COLUMN.eq(label)))
                .map(FeatureRankings::toState);
    }

    /** Every label the version's features were ranked against, by label. */
    public List<RankingState> states(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        versions.version(projectId, versionId);
        return db.fetch(FEATURE_RANKING, FEATURE_RANKING.VERSION_ID.eq(versionId), FEATURE_RANKING.LABEL_COLUMN.asc())
                .map(FeatureRankings::toState);
    }

    /** The label the dataset's schema marks: the approved schema's, else the newest draft's; empty when none is marked. */
    public Optional<String> schemaLabel(UUID projectId, UUID versionId) {
        permissions.require(DataPermissions.READ);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        Optional<String> approved = catalog.version(versionId).flatMap(v -> v.schema().label()).map(Feature::name);
        if (approved.isPresent()) {
            return approved;
        }
        return schemas.current(projectId, version.getDatasetId()).flatMap(s -> s.schema().label()).map(Feature::name);
    }

    private static RankingState toState(FeatureRankingRecord row) {
        Optional<FeatureRanking> ranking = Optional.ofNullable(row.getResultJson()).map(RankingCodec::fromJson);
        return new RankingState(row.getVersionId(), row.getLabelColumn(), RankingState.Status.valueOf(row.getStatus()), row.getProgress(),
                row.getErrorMessage(), row.getRequestedBy(), row.getRequestedAt(), ranking, row.getComputedBy(), row.getComputedAt(),
                row.getJobId());
    }
}
