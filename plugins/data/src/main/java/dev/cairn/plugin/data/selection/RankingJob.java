package dev.cairn.plugin.data.selection;

import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;
import static dev.cairn.plugin.data.db.Tables.FEATURE_RANKING;

import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.plugin.data.VersionFiles;
import dev.cairn.plugin.data.ingest.ParquetProperties;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionColumnRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.FeatureRankingRecord;
import dev.cairn.plugin.data.profile.RowSource;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * The ranking job ({@value #TYPE}): reads the first rows of a version (at most
 * {@code cairn.data.selection.max-rows}), scores its features against the label with
 * {@link FeatureRanker}, stores the ranking with the version, and records a "Feature ranking"
 * artifact made by a "Feature selection" execution from the version. Only the run the ranking row
 * names writes: one superseded meanwhile (ranked again, the version or its dataset deleted) stops
 * and writes nothing.
 */
@Component
class RankingJob implements JobHandler {

    static final String TYPE = "data.rank-features";
    /** Reading the rows is the first part of the progress bar; scoring the rest. */
    private static final double READING = 0.5;

    private final TenantDb db;
    /** The file store, not VersionRows: the job service needs every handler, and the version services need the job service. */
    private final FileStore files;
    private final PermissionCheck permissions;
    private final LineageRecorder lineage;
    private final SelectionProperties properties;
    private final ParquetProperties parquet;

    RankingJob(TenantDb db, FileStore files, PermissionCheck permissions, LineageRecorder lineage, SelectionProperties properties,
               ParquetProperties parquet) {
        this.parquet = parquet;
        this.db = db;
        this.files = files;
        this.permissions = permissions;
        this.lineage = lineage;
        this.properties = properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        var user = permissions.require(DataPermissions.RANK_FEATURES);
        UUID rankingId = UUID.fromString(context.payload());
        Condition mine = FEATURE_RANKING.ID.eq(rankingId).and(FEATURE_RANKING.JOB_ID.eq(context.jobId()));
        FeatureRankingRecord row = db.fetchOptional(FEATURE_RANKING, mine).orElse(null);
        DatasetVersionRecord version = row == null ? null
                : db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(row.getVersionId())).orElse(null);
        if (row == null || version == null || version.getFileId() == null) {
            context.progress(1, "Nothing to do: the version was deleted or ranked again since");
            return;
        }
        set(mine, Map.of(FEATURE_RANKING.STATUS, RankingState.Status.RUNNING.name()));
        SelectionOptions options = properties.options(context.parallelism());
        long expected = Math.max(1, Math.min(version.getRowCount(), options.maxRows()));
        FeatureRanking ranking;
        List<String> columns = db.fetch(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(version.getId()),
                DATASET_VERSION_COLUMN.POSITION.asc()).map(DatasetVersionColumnRecord::getName);
        try (InputStream content = open(version); RowSource source = VersionFiles.rowsOf(version, content, columns, parquet)) {
            SampledColumns sample = SampledColumns.read(source, options.maxRows(), read -> progress(context, mine,
                    READING * read / expected, "Read " + read + " of " + expected + " rows"), context::cancelRequested);
            ranking = FeatureRanker.rank(sample, row.getLabelColumn(), options, done -> progress(context, mine,
                    READING + (1 - READING) * done, "Scoring the features"), context::cancelRequested);
        } catch (RankingCancelledException | JobCancelledException cancelled) {
            end(mine, RankingState.Status.CANCELLED, "Cancelled before it finished; rank again to see the scores.");
            throw new JobCancelledException();
        } catch (IllegalArgumentException refused) {
            end(mine, RankingState.Status.FAILED, refused.getMessage());
            throw refused;
        } catch (Exception | Error failed) {
            end(mine, RankingState.Status.FAILED, "Ranking failed: " + (failed.getMessage() == null ? failed.getClass().getSimpleName()
                    : failed.getMessage()));
            throw failed;
        }
        if (db.fetchOptional(FEATURE_RANKING, mine).isEmpty()) {
            context.progress(1, "Superseded: the version was deleted or ranked again meanwhile");
            return;
        }
        UUID artifact = recordLineage(version, context.jobId(), ranking, user.username());
        Map<Field<?>, Object> done = new HashMap<>();
        done.put(FEATURE_RANKING.STATUS, RankingState.Status.DONE.name());
        done.put(FEATURE_RANKING.PROGRESS, 1.0);
        done.put(FEATURE_RANKING.RESULT_JSON, RankingCodec.toJson(ranking));
        done.put(FEATURE_RANKING.COMPUTED_BY, user.username());
        done.put(FEATURE_RANKING.COMPUTED_AT, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        done.put(FEATURE_RANKING.LINEAGE_ARTIFACT, artifact);
        set(mine, done);
        context.progress(1, "Ranked " + ranking.features().size() + " features on " + ranking.rowsRead() + " rows");
    }

    private InputStream open(DatasetVersionRecord version) {
        try {
            return files.open(version.getFileId());
        } catch (NotFoundException gone) {
            throw new IllegalStateException("the version's file is no longer in the file store (a tenant admin may have deleted it), "
                    + "so its features cannot be ranked", gone);
        }
    }

    private void progress(JobContext context, Condition mine, double fraction, String message) {
        double bounded = Math.min(0.99, fraction);
        context.progress(bounded, message);
        set(mine, Map.of(FEATURE_RANKING.PROGRESS, bounded));
    }

    private UUID recordLineage(DatasetVersionRecord version, UUID jobId, FeatureRanking ranking, String username) {
        String dataset = db.fetchOptional(DATASET, DATASET.ID.eq(version.getDatasetId())).map(d -> d.getName()).orElse("dataset");
        UUID artifact = lineage.recordArtifact(version.getProjectId(), SelectionLineage.RANKING_ARTIFACT,
                dataset + " v" + version.getVersion() + " features ranked against " + ranking.label(),
                "cairn-feature-ranking:" + version.getId() + "/" + jobId,
                Map.of("version_id", version.getId().toString(), "label_column", ranking.label(), "rows", String.valueOf(ranking.rowsRead()),
                        "sampled", String.valueOf(ranking.sampled()), "features", String.valueOf(ranking.features().size())));
        List<UUID> inputs = version.getLineageArtifact() == null ? List.of() : List.of(version.getLineageArtifact());
        lineage.recordExecution(version.getProjectId(), SelectionLineage.SELECTION_EXECUTION, "Rank the features of " + dataset + " v"
                + version.getVersion(), inputs, List.of(artifact), Map.of("by", username, "job_id", jobId.toString()));
        return artifact;
    }

    private void end(Condition mine, RankingState.Status status, String message) {
        set(mine, Map.of(FEATURE_RANKING.STATUS, status.name(), FEATURE_RANKING.ERROR_MESSAGE,
                message.substring(0, Math.min(message.length(), 1000))));
    }

    private void set(Condition mine, Map<? extends Field<?>, ?> values) {
        db.update(FEATURE_RANKING, values, mine);
    }
}
