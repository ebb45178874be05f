package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submits, lists and cancels the current tenant's background jobs. */
@Service
public class JobService implements Jobs {

    static final int DEFAULT_SHOWN = 200;

    private final TenantDb db;
    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final ProjectDirectory projects;
    private final Map<String, JobHandler> handlers;
    private final AuditLog audit;

    JobService(TenantDb db, DSLContext dsl, CurrentUser currentUser, @Lazy ProjectDirectory projects, List<JobHandler> handlers,
               AuditLog audit) {
        this.db = db;
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.projects = projects;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.audit = audit;
    }

    @Override
    @Transactional
    public UUID submit(String type, String title, UUID projectId, String payload) {
        UserInfo user = dev.cairn.app.security.PlatformPermissions.require(currentUser, dev.cairn.app.security.PlatformPermissions.START_JOBS);
        if (!handlers.containsKey(type)) {
            throw new IllegalArgumentException("Unknown job type " + type);
        }
        if (projectId != null) {
            projects.require(projectId);
        }
        JobRecord job = db.newRecord(JOB);
        job.setId(UUID.randomUUID());
        job.setProjectId(projectId);
        job.setType(type);
        job.setTitle(title);
        job.setPayload(payload);
        job.setStatus(JobStatus.QUEUED.name());
        job.setProgress(0.0);
        job.setCancelRequested(false);
        job.setCreatedBy(user.username());
        job.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(job);
        return job.getId();
    }

    /** The current tenant's newest jobs, as many as the Jobs page shows. */
    public List<JobRecord> recent() {
        return recent(DEFAULT_SHOWN);
    }

    /**
     * The current tenant's newest jobs, at most {@code limit}: the limit is in the query, so a tenant
     * with years of jobs does not load them all to show a page. TenantDb has no limit, hence the
     * explicit tenant predicate here (the tenant comes from the principal, as in the gateway).
     */
    public List<JobRecord> recent(int limit) {
        currentUser.require();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return dsl.selectFrom(JOB).where(JOB.TENANT_ID.eq(TenantScope.require()))
                .orderBy(JOB.CREATED_AT.desc(), JOB.ID.desc()).limit(limit).fetch()
                .map(record -> {
                    record.detach();
                    return record;
                });
    }

    public JobRecord get(UUID jobId) {
        return db.fetchOptional(JOB, JOB.ID.eq(jobId)).orElseThrow(() -> new NotFoundException("Job"));
    }

    /** Asks a job to stop: a queued job is cancelled at once, a running one when its handler next checks. */
    @Transactional
    public void cancel(UUID jobId) {
        UserInfo user = currentUser.require();
        JobRecord job = get(jobId);
        if (!job.getCreatedBy().equals(user.username()) && !user.hasAnyRole(Role.PROJECT_MANAGER, Role.TENANT_ADMIN)) {
            throw new AccessDeniedException("Only the job's owner or a project manager can cancel it.");
        }
        if (JobStatus.valueOf(job.getStatus()).finished()) {
            return;
        }
        db.update(JOB, Map.of(JOB.CANCEL_REQUESTED, true), JOB.ID.eq(jobId));
        db.update(JOB, Map.of(JOB.STATUS, JobStatus.CANCELLED.name(), JOB.FINISHED_AT, OffsetDateTime.now(ZoneOffset.UTC),
                JOB.MESSAGE, "Cancelled before it started"), JOB.ID.eq(jobId).and(JOB.STATUS.eq(JobStatus.QUEUED.name())));
        audit.record("job.cancel", job.getTitle(), AuditLog.Outcome.SUCCESS, jobId.toString());
    }

    JobHandler handler(String type) {
        return handlers.get(type);
    }
}
