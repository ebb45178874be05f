package dev.cairn.plugin.data.statistics;

import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;

import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.VersionProfileRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the profiling job of a version and marks its statistics QUEUED, in the caller's
 * transaction: called by the upload as it stores a version (so the job exists exactly when the
 * version does, and runs once it is committed), and by a re-profile. The job is part of uploading,
 * so it needs {@code data.upload}, not the platform's "start jobs": a pipeline's token scoped to
 * {@code data.upload} alone gets its versions profiled too.
 */
@Component
public class ProfileQueue {

    private final TenantDb db;
    private final Jobs jobs;

    ProfileQueue(TenantDb db, Jobs jobs) {
        this.db = db;
        this.jobs = jobs;
    }

    /**
     * @param labelColumn the column whose class balance to report, or null
     * @param username    who asks (the job acts as them)
     */
    @Transactional
    public void queue(DatasetVersionRecord version, String labelColumn, String username) {
        var job = jobs.submit(ProfileJob.TYPE, "Profile " + version.getFileName() + " (v" + version.getVersion() + ")", version.getProjectId(),
                version.getId().toString(), DataPermissions.UPLOAD);
        VersionProfileRecord state = db.fetchOptional(VERSION_PROFILE, VERSION_PROFILE.VERSION_ID.eq(version.getId())).orElse(null);
        boolean fresh = state == null;
        if (fresh) {
            state = db.newRecord(VERSION_PROFILE);
            state.setVersionId(version.getId());
            state.setProjectId(version.getProjectId());
        }
        state.setStatus(ProfileState.Status.QUEUED.name());
        state.setLabelColumn(labelColumn);
        state.setJobId(job);
        state.setProgress(0.0);
        state.setErrorMessage(null);
        state.setRequestedBy(username);
        state.setRequestedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        if (fresh) {
            db.insert(state);
        } else {
            db.update(state);
        }
    }
}
