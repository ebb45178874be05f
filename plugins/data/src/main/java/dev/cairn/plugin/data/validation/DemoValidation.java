package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.Feature;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.statistics.ProfileState;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The demo dataset's validation story, as a follow-up job ({@value #TYPE}) the demo seeder queues
 * after its uploads: once the uploads' profiling jobs have stored both versions' statistics, the
 * schema is inferred from version 1, version 1 becomes the training version and both versions are
 * validated against the schema in TRAINING (the second shows its new category). Jobs run oldest
 * first, so it normally finds the profiles stored; while one is still being computed (a tenant that
 * runs several jobs at once) it queues itself again rather than wait, a bounded number of times.
 *
 * <p>The schema stays a draft: approving it is another manager's (separation of duties) and the
 * seeder acts as one user only, so the demo's gate says what is missing until a second manager
 * (acme-admin) approves it on the schema page.
 */
@Component
public class DemoValidation {

    static final String TYPE = "data.demo-validation";
    /** How many times the job queues itself again while a profile is being computed. */
    static final int MAX_ATTEMPTS = 300;

    private final Jobs jobs;
    private final PermissionCheck permissions;
    private final DatasetVersions versions;
    private final StoredProfiles profiles;
    private final DatasetSchemas schemas;
    private final TrainingVersions training;
    private final VersionValidations validations;

    DemoValidation(Jobs jobs, PermissionCheck permissions, DatasetVersions versions, StoredProfiles profiles, DatasetSchemas schemas,
                   TrainingVersions training, VersionValidations validations) {
        this.jobs = jobs;
        this.permissions = permissions;
        this.versions = versions;
        this.profiles = profiles;
        this.schemas = schemas;
        this.training = training;
        this.validations = validations;
    }

    /** Queues the follow-up for the demo dataset just uploaded (by the seeder, in its project). */
    public void queue(UUID projectId, UUID datasetId) {
        submit(projectId, datasetId, 1);
    }

    private void submit(UUID projectId, UUID datasetId, int attempt) {
        jobs.submit(TYPE, "Validate the demo dataset" + (attempt > 1 ? " (attempt " + attempt + ")" : ""), projectId,
                datasetId + ";" + attempt, DataPermissions.VALIDATE);
    }

    /** The job's work ({@link DemoValidationJob} runs it). */
    void run(JobContext context) {
        permissions.require(DataPermissions.VALIDATE);
        String[] payload = context.payload().split(";");
        UUID datasetId = UUID.fromString(payload[0]);
        int attempt = Integer.parseInt(payload[1]);
        UUID projectId = context.projectId().orElseThrow();
        List<DatasetVersionRecord> live = versions.history(projectId, datasetId).stream().filter(v -> v.getDeletedAt() == null)
                .sorted(Comparator.comparing(DatasetVersionRecord::getVersion)).toList();
        if (live.isEmpty()) {
            context.progress(1, "Nothing to validate: the demo dataset has no versions");
            return;
        }
        for (DatasetVersionRecord version : live) {
            Optional<ProfileState> state = profiles.state(projectId, version.getId());
            if (state.map(s -> s.status().pending()).orElse(false)) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("Version " + version.getVersion() + " is still being profiled after " + attempt
                            + " attempts: validate the demo dataset on its validation page instead.");
                }
                submit(projectId, datasetId, attempt + 1);
                context.progress(1, "Version " + version.getVersion() + " is still being profiled: queued again to validate after it");
                return;
            }
        }
        DatasetVersionRecord first = live.getFirst();
        if (schemas.current(projectId, datasetId).isEmpty()) {
            schemas.infer(projectId, datasetId, first.getId());
        }
        training.choose(projectId, datasetId, first.getId());
        for (DatasetVersionRecord version : live) {
            validations.validate(projectId, version.getId(), 1, Feature.TRAINING);
        }
        context.progress(1, "Schema inferred from version " + first.getVersion() + ", " + live.size() + " versions validated");
    }
}
