package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims queued jobs through the database (a conditional update, so two nodes never run the same
 * job) and runs each in the tenant of its own record. A platform task: it reads all tenants' queues.
 */
@Component
class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final DSLContext dsl;
    private final JobService jobs;
    private final int workers;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final String node;

    JobRunner(DSLContext dsl, JobService jobs, @Value("${cairn.jobs.workers:2}") int workers) {
        this.dsl = dsl;
        this.jobs = jobs;
        this.workers = workers;
        this.slots = new Semaphore(workers);
        this.executor = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("cairn-job-", 1).daemon().factory());
        this.node = nodeName();
    }

    /** A job left RUNNING by a previous process can never finish: mark it failed, never leave it running. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        int failed = TenantScope.callAsPlatform(() -> dsl.update(JOB)
                .set(JOB.STATUS, JobStatus.FAILED.name())
                .set(JOB.MESSAGE, "Interrupted by a restart of Cairn")
                .set(JOB.FINISHED_AT, now())
                .where(JOB.STATUS.eq(JobStatus.RUNNING.name()))
                .execute());
        if (failed > 0) {
            LOG.warn("Marked {} interrupted job(s) as failed", failed);
        }
    }

    @Scheduled(fixedDelayString = "${cairn.jobs.poll-interval:1s}")
    void claimAndRun() {
        while (slots.availablePermits() > 0) {
            Optional<JobRecord> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            slots.acquireUninterruptibly();
            JobRecord job = claimed.get();
            executor.execute(() -> {
                try {
                    TenantScope.runAs(job.getTenantId(), () -> run(job));
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** A platform task: claims from every tenant's queue; the job then runs in its own tenant. */
    Optional<JobRecord> claimNext() {
        return TenantScope.callAsPlatform(this::claimNextOfAnyTenant);
    }

    private Optional<JobRecord> claimNextOfAnyTenant() {
        for (JobRecord candidate : dsl.selectFrom(JOB).where(JOB.STATUS.eq(JobStatus.QUEUED.name()))
                .orderBy(JOB.CREATED_AT).limit(workers).fetch()) {
            int claimed = dsl.update(JOB)
                    .set(JOB.STATUS, JobStatus.RUNNING.name())
                    .set(JOB.CLAIMED_BY, node)
                    .set(JOB.STARTED_AT, now())
                    .where(JOB.ID.eq(candidate.getId()).and(JOB.STATUS.eq(JobStatus.QUEUED.name())))
                    .execute();
            if (claimed == 1) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void run(JobRecord job) {
        JobHandler handler = jobs.handler(job.getType());
        try {
            if (handler == null) {
                throw new IllegalStateException("No handler for job type " + job.getType());
            }
            handler.run(new DatabaseJobContext(job));
            finish(job.getId(), cancelRequested(job.getId()) ? JobStatus.CANCELLED : JobStatus.SUCCEEDED,
                    cancelRequested(job.getId()) ? "Cancelled" : "Done", 1.0);
        } catch (Exception | Error e) {
            LOG.warn("Job {} ({}) failed", job.getId(), job.getType(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(job.getId(), JobStatus.FAILED, message, null);
        }
    }

    private void finish(UUID jobId, JobStatus status, String message, Double progress) {
        var update = dsl.update(JOB).set(JOB.STATUS, status.name())
                .set(JOB.MESSAGE, message.substring(0, Math.min(message.length(), 1000)))
                .set(JOB.FINISHED_AT, now());
        if (progress != null) {
            update = update.set(JOB.PROGRESS, progress);
        }
        update.where(JOB.ID.eq(jobId)).execute();
    }

    private boolean cancelRequested(UUID jobId) {
        return Boolean.TRUE.equals(dsl.select(JOB.CANCEL_REQUESTED).from(JOB).where(JOB.ID.eq(jobId)).fetchOne(JOB.CANCEL_REQUESTED));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }

    private final class DatabaseJobContext implements JobContext {
        private final JobRecord job;

        DatabaseJobContext(JobRecord job) {
            this.job = job;
        }

        @Override
        public UUID jobId() {
            return job.getId();
        }

        @Override
        public UUID tenantId() {
            return job.getTenantId();
        }

        @Override
        public Optional<UUID> projectId() {
            return Optional.ofNullable(job.getProjectId());
        }

        @Override
        public String payload() {
            return job.getPayload();
        }

        @Override
        public void progress(double fraction, String message) {
            double clamped = Math.max(0, Math.min(1, fraction));
            dsl.update(JOB).set(JOB.PROGRESS, clamped).set(JOB.MESSAGE, message)
                    .where(JOB.ID.eq(job.getId()).and(JOB.TENANT_ID.eq(job.getTenantId()))).execute();
        }

        @Override
        public boolean cancelRequested() {
            return JobRunner.this.cancelRequested(job.getId());
        }
    }
}
