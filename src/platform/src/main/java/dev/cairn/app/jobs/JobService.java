package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static dev.cairn.app.db.Tables.TENANT;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits, lists and cancels the current tenant's background jobs, and keeps the tenant's limit of
 * jobs running at once. The REST API reads status and progress through {@link #recent(int)} and
 * {@link #get(UUID)}; {@link #queuePositions()} says where each queued job stands.
 */
@Service
public class JobService implements Jobs {

    static final int DEFAULT_SHOWN = 200;

    private final TenantDb db;
    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final ProjectDirectory projects;
    private final Map<String, JobHandler> handlers;
    private final AuditLog audit;
    private final JobsProperties properties;
    private final dev.cairn.api.security.PermissionCheck permissions;

    JobService(TenantDb db, DSLContext dsl, CurrentUser currentUser, @Lazy ProjectDirectory projects, List<JobHandler> handlers,
               AuditLog audit, JobsProperties properties, dev.cairn.api.security.PermissionCheck permissions) {
        this.properties = properties;
        this.permissions = permissions;
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
        return submit(type, title, projectId, payload, dev.cairn.app.plugins.PlatformPermissions.START_JOBS);
    }

    @Override
    @Transactional
    public UUID submit(String type, String title, UUID projectId, String payload, dev.cairn.api.plugin.PermissionDefinition allowedBy) {
        UserInfo user = permissions.require(allowedBy);
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
        JobActor.recordStarter(job, user);
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

    /**
     * Where each of the current tenant's queued jobs stands in its queue: 1 runs next. Only the
     * tenant's own queue counts (another tenant's load is not this tenant's business); a tenant's
     * jobs start oldest first, as the runner claims them.
     */
    public Map<UUID, Integer> queuePositions() {
        currentUser.require();
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        dsl.select(JOB.ID).from(JOB).where(JOB.TENANT_ID.eq(TenantScope.require())).and(JOB.STATUS.eq(JobStatus.QUEUED.name()))
                .orderBy(JOB.CREATED_AT, JOB.ID).fetch(JOB.ID).forEach(id -> positions.put(id, positions.size() + 1));
        return positions;
    }

    /** How many of the current tenant's jobs run now, on any node. */
    public int runningCount() {
        currentUser.require();
        return db.count(JOB, JOB.STATUS.eq(JobStatus.RUNNING.name()));
    }

    /** How many jobs the current tenant may run at once: its admin's choice, else the platform's default. */
    public int tenantLimit() {
        currentUser.require();
        Integer own = dsl.select(TENANT.JOB_LIMIT).from(TENANT).where(TENANT.ID.eq(TenantScope.require())).fetchOne(TENANT.JOB_LIMIT);
        return own == null ? properties.tenantLimit() : own;
    }

    /** The highest limit a tenant admin may set ({@code cairn.jobs.max-tenant-limit}). */
    public int maxTenantLimit() {
        return properties.maxTenantLimit();
    }

    /** Sets how many jobs the current tenant may run at once; tenant admins only. */
    @Transactional
    public void setTenantLimit(int limit) {
        Permissions.requireAnyRole(currentUser, "set the tenant's job limit", Role.TENANT_ADMIN);
        if (limit < 1 || limit > properties.maxTenantLimit()) {
            throw new IllegalArgumentException("Jobs at once must lie between 1 and " + properties.maxTenantLimit() + ", was " + limit);
        }
        int before = tenantLimit();
        dsl.update(TENANT).set(TENANT.JOB_LIMIT, limit).where(TENANT.ID.eq(TenantScope.require())).execute();
        audit.record("jobs.limit", "jobs at once", AuditLog.Outcome.SUCCESS, before + " -> " + limit);
    }

    JobHandler handler(String type) {
        return handlers.get(type);
    }
}
