package dev.cairn.plugin.data.statistics;

import static dev.cairn.plugin.data.db.Tables.DATASET;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;
import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.VersionFiles;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionColumnRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.VersionProfileRecord;
import dev.cairn.plugin.data.ingest.ParquetProperties;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileCodec;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import dev.cairn.plugin.data.profile.ProfilingCancelledException;
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
 * The profiling job ({@value #TYPE}): reads a version's file through the file store as its import
 * did, profiles it in one pass with progress and cancellation, and stores the profile with the
 * version, recording a "Dataset statistics" artifact made by a "Profiling" execution from the
 * version. It acts as whoever queued it and needs {@code data.upload} only (what queued it).
 *
 * <p>Only the newest run of a version writes: a run whose job is no longer the version's (a newer
 * re-profile was queued, or the version was deleted and its statistics with it) stops and writes nothing.
 */
@Component
class ProfileJob implements JobHandler {

    static final String TYPE = "data.profile";

    private final TenantDb db;
    private final FileStore files;
    private final PermissionCheck permissions;
    private final LineageRecorder lineage;
    private final ParquetProperties parquet;

    ProfileJob(TenantDb db, FileStore files, PermissionCheck permissions, LineageRecorder lineage, ParquetProperties parquet) {
        this.parquet = parquet;
        this.db = db;
        this.files = files;
        this.permissions = permissions;
        this.lineage = lineage;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        var user = permissions.require(DataPermissions.UPLOAD);
        UUID versionId = UUID.fromString(context.payload());
        UUID jobId = context.jobId();
        Condition mine = VERSION_PROFILE.VERSION_ID.eq(versionId).and(VERSION_PROFILE.JOB_ID.eq(jobId));
        VersionProfileRecord state = db.fetchOptional(VERSION_PROFILE, mine).orElse(null);
        DatasetVersionRecord version = db.fetchOptional(DATASET_VERSION, DATASET_VERSION.ID.eq(versionId)).orElse(null);
        if (state == null || version == null || version.getFileId() == null) {
            context.progress(1, "Nothing to do: the version was deleted or profiled again since");
            return;
        }
        set(mine, Map.of(VERSION_PROFILE.STATUS, ProfileState.Status.RUNNING.name()));
        List<String> columns = db.fetch(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(versionId),
                DATASET_VERSION_COLUMN.POSITION.asc()).map(DatasetVersionColumnRecord::getName);
        ProfileOptions options = ProfileOptions.defaults().withLabelColumn(state.getLabelColumn());
        DatasetProfile profile;
        try (InputStream content = open(version); CsvRowSource rows = VersionFiles.rowsOf(version, content, columns, parquet)) {
            long total = Math.max(1, version.getRowCount());
            profile = Profiler.profile(rows, options, (read, bytes) -> {
                double fraction = Math.min(0.99, (double) read / total);
                context.progress(fraction, "Profiled " + read + " of " + version.getRowCount() + " rows");
                set(mine, Map.of(VERSION_PROFILE.PROGRESS, fraction));
            }, context::cancelRequested, null);
        } catch (ProfilingCancelledException cancelled) {
            fail(mine, "Cancelled before it finished; profile the version again to compute its statistics.");
            throw new JobCancelledException();
        } catch (Exception | Error failed) {
            fail(mine, "Profiling failed: " + (failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage()));
            throw failed;
        }
        if (db.fetchOptional(VERSION_PROFILE, mine).isEmpty()) {
            // Re-profiled or deleted while this run read the file: the newer state stands, and lineage records no statistics it never kept.
            context.progress(1, "Superseded: the version was deleted or profiled again meanwhile");
            return;
        }
        UUID artifact = recordLineage(version, jobId, profile, user.username());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<Field<?>, Object> done = new HashMap<>();
        done.put(VERSION_PROFILE.STATUS, ProfileState.Status.DONE.name());
        done.put(VERSION_PROFILE.PROGRESS, 1.0);
        done.put(VERSION_PROFILE.PROFILE, ProfileCodec.toBytes(profile));
        done.put(VERSION_PROFILE.PROFILE_LABEL, state.getLabelColumn());
        done.put(VERSION_PROFILE.COMPUTED_BY, user.username());
        done.put(VERSION_PROFILE.COMPUTED_AT, now);
        done.put(VERSION_PROFILE.LINEAGE_ARTIFACT, artifact);
        set(mine, done);
        context.progress(1, "Profiled " + profile.rows() + " rows, " + profile.columnNames().size() + " columns");
    }

    private InputStream open(DatasetVersionRecord version) {
        try {
            return files.open(version.getFileId());
        } catch (NotFoundException gone) {
            throw new IllegalStateException("the version's file is no longer in the file store (a tenant admin may have deleted it), "
                    + "so its statistics cannot be computed", gone);
        }
    }

    private UUID recordLineage(DatasetVersionRecord version, UUID jobId, DatasetProfile profile, String username) {
        String dataset = db.fetchOptional(DATASET, DATASET.ID.eq(version.getDatasetId())).map(d -> d.getName()).orElse("dataset");
        UUID artifact = lineage.recordArtifact(version.getProjectId(), StatisticsLineage.STATISTICS_ARTIFACT,
                dataset + " v" + version.getVersion() + " statistics", "cairn-statistics:" + version.getId() + "/" + jobId,
                Map.of("version_id", version.getId().toString(), "rows", String.valueOf(profile.rows()),
                        "columns", String.valueOf(profile.columnNames().size()),
                        "label_column", profile.options().labelColumn() == null ? "" : profile.options().labelColumn()));
        List<UUID> inputs = version.getLineageArtifact() == null ? List.of() : List.of(version.getLineageArtifact());
        lineage.recordExecution(version.getProjectId(), StatisticsLineage.PROFILING_EXECUTION, "Profile " + dataset + " v" + version.getVersion(),
                inputs, List.of(artifact), Map.of("by", username, "job_id", jobId.toString()));
        return artifact;
    }

    private void fail(Condition mine, String message) {
        set(mine, Map.of(VERSION_PROFILE.STATUS, ProfileState.Status.FAILED.name(),
                VERSION_PROFILE.ERROR_MESSAGE, message.substring(0, Math.min(message.length(), 1000))));
    }

    private void set(Condition mine, Map<? extends Field<?>, ?> values) {
        db.update(VERSION_PROFILE, values, mine);
    }
}
