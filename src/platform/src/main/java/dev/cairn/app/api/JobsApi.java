package dev.cairn.app.api;

import static dev.cairn.app.db.Tables.JOB;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status and progress of background jobs, as the Jobs page shows them. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@PermitAll // any valid API token; each endpoint checks api.read-jobs
@Tag(name = "Jobs")
class JobsApi {

    static final int MAX_LISTED = 200;

    private final TenantDb db;
    private final JobService jobs;
    private final PermissionCheck permissions;

    JobsApi(TenantDb db, JobService jobs, PermissionCheck permissions) {
        this.db = db;
        this.jobs = jobs;
        this.permissions = permissions;
    }

    record Job(UUID id, String type, String title, String status, double progress, String message, String createdBy,
               OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static Job of(JobRecord job) {
            return new Job(job.getId(), job.getType(), job.getTitle(), job.getStatus(), job.getProgress(), job.getMessage(),
                    job.getCreatedBy(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt());
        }
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "Status and progress (0 to 1) of one job (permission api.read-jobs)")
    Job one(@PathVariable UUID id) {
        permissions.require(ApiPermissions.READ_JOBS);
        return Job.of(jobs.get(id));
    }

    @GetMapping("/projects/{key}/jobs")
    @Operation(summary = "The project's jobs, newest first, at most `limit` (default and maximum 200; permission api.read-jobs)")
    List<Job> ofProject(@PathVariable String key, @RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        permissions.require(ApiPermissions.READ_JOBS);
        if (limit < 1 || limit > MAX_LISTED) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LISTED + ".");
        }
        UUID projectId = ProjectsApi.byKey(db, key).getId();
        return db.fetch(JOB, JOB.PROJECT_ID.eq(projectId), JOB.CREATED_AT.desc()).stream().limit(limit).map(Job::of).toList();
    }
}
