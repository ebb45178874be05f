package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Claims queued jobs through the database (a conditional update, so two nodes never run the same
 * job) and runs each in the tenant of its own record. While a job runs, its node writes a heartbeat;
 * any node marks a RUNNING job failed once its heartbeat is older than {@code cairn.jobs.dead-after}
 * (its node died), and a node reports a result only for a job it still owns and that is still
 * RUNNING. A platform task: it reads all tenants' queues. It has its own scheduler threads, so
 * nothing else scheduled in the application (such as the MLflow outbox) delays a job's start.
 * ADR 0006 says why this is hand-written rather than db-scheduler.
 *
 * <p>Each tenant runs at most its limit of jobs at once over all nodes (its admin's choice, else
 * {@code cairn.jobs.tenant-limit}); a free worker serves the tenant running the fewest
 * ({@link FairQueue}). A cancel is a flag on the job's row, so it reaches the handler on whichever
 * node runs it; a handler that stops on it (returns or throws) ends the job CANCELLED. Each job
 * gets at most {@code cairn.jobs.threads-per-job} threads of its own ({@link JobThreads}).
 */
@Component
class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final DSLContext dsl;
    private final JobService jobs;
    private final JobsProperties properties;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final String node;
    private ScheduledExecutorService scheduler;

    @Autowired
    JobRunner(DSLContext dsl, JobService jobs, JobsProperties properties, NodeIdentity node) {
        this(dsl, jobs, properties, node.id());
    }

    /** A runner under the given node name; tests use it to play a second node. */
    JobRunner(DSLContext dsl, JobService jobs, JobsProperties properties, String node) {
        this.dsl = dsl;
        this.jobs = jobs;
        this.properties = properties;
        this.slots = new Semaphore(properties.workers());
        this.executor = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("cairn-job-", 1).daemon().factory());
        this.node = node;
    }

    /** Starts claiming, heartbeats and dead-job detection once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("cairn-jobs-scheduler-", 1).daemon().factory());
        long poll = properties.pollInterval().toMillis();
        long beat = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> guarded("claim jobs", this::claimAndRun), 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("job heartbeat", () -> {
            heartbeat();
            reapDeadJobs();
        }), 0, beat, TimeUnit.MILLISECONDS);
    }

    /** Workers of this node free for another job. */
    int freeWorkers() {
        return slots.availablePermits();
    }

    void claimAndRun() {
        while (slots.availablePermits() > 0) {
            Optional<JobRecord> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            slots.acquireUninterruptibly();
            JobRecord job = claimed.get();
            try {
                executor.execute(() -> {
                    try {
                        TenantScope.runAs(job.getTenantId(), () -> run(job));
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException rejected) { // shutting down: the job stays ours until it is judged dead
                slots.release();
                throw rejected;
            }
        }
    }

    /**
     * A platform task: claims from every tenant's queue; the job then runs in its own tenant. Which
     * tenant goes first is {@link FairQueue}'s choice; each claim holds the tenant's row locked, so
     * nodes claiming at the same time never run more of a tenant's jobs than its limit.
     */
    Optional<JobRecord> claimNext() {
        return TenantScope.callAsPlatform(() -> {
            for (UUID tenant : FairQueue.read(dsl, properties.tenantLimit()).claimOrder()) {
                Optional<JobRecord> claimed = dsl.transactionResult(trx -> claimOldestOf(trx.dsl(), tenant));
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JobRecord> claimOldestOf(DSLContext tx, UUID tenant) {
        Integer limit = tx.select(TENANT.JOB_LIMIT).from(TENANT).where(TENANT.ID.eq(tenant)).forUpdate().fetchOne(TENANT.JOB_LIMIT);
        int allowed = limit == null ? properties.tenantLimit() : limit;
        if (tx.fetchCount(JOB, JOB.TENANT_ID.eq(tenant).and(JOB.STATUS.eq(JobStatus.RUNNING.name()))) >= allowed) {
            return Optional.empty();
        }
        JobRecord candidate = tx.selectFrom(JOB).where(JOB.TENANT_ID.eq(tenant)).and(JOB.STATUS.eq(JobStatus.QUEUED.name()))
                .orderBy(JOB.CREATED_AT, JOB.ID).limit(1).fetchOne();
        if (candidate == null) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        int claimed = tx.update(JOB)
                .set(JOB.STATUS, JobStatus.RUNNING.name())
                .set(JOB.CLAIMED_BY, node)
                .set(JOB.STARTED_AT, now)
                .set(JOB.HEARTBEAT_AT, now)
                .where(JOB.ID.eq(candidate.getId()).and(JOB.STATUS.eq(JobStatus.QUEUED.name())))
                .execute();
        if (claimed != 1) { // cancelled meanwhile
            return Optional.empty();
        }
        candidate.detach();
        return Optional.of(candidate);
    }

    /** Tells every node that this node's running jobs are alive. */
    void heartbeat() {
        // A platform task: this node's jobs belong to many tenants.
        TenantScope.callAsPlatform(() -> dsl.update(JOB).set(JOB.HEARTBEAT_AT, now()).where(ownedAndRunning()).execute());
    }

    /**
     * Marks failed every RUNNING job, of any node, whose heartbeat is older than the deadline: its
     * node stopped (killed, crashed, cut off). A job from before heartbeats existed counts from its
     * start. Run at start-up and then with every heartbeat, on every node.
     */
    void reapDeadJobs() {
        OffsetDateTime cutoff = now().minus(properties.deadAfter());
        // A platform task: dead jobs of every tenant.
        int failed = TenantScope.callAsPlatform(() -> dsl.update(JOB)
                .set(JOB.STATUS, JobStatus.FAILED.name())
                .set(JOB.MESSAGE, "Interrupted: the node running it stopped (no heartbeat for "
                        + properties.deadAfter().toSeconds() + " s)")
                .set(JOB.FINISHED_AT, now())
                .where(JOB.STATUS.eq(JobStatus.RUNNING.name()))
                .and(DSL.coalesce(JOB.HEARTBEAT_AT, JOB.STARTED_AT, JOB.CREATED_AT).lt(cutoff))
                .execute());
        if (failed > 0) {
            LOG.warn("Marked {} job(s) failed whose node stopped sending heartbeats", failed);
        }
    }

    private void run(JobRecord job) {
        Authentication actor;
        try {
            // A platform read of the job's own tenant: the starter is read with the raw DSLContext.
            actor = TenantScope.callAsPlatform(() -> JobActor.of(job, dsl)).orElse(null);
        } catch (JobActor.StarterCannotAct refused) {
            finish(job, JobStatus.FAILED, refused.getMessage(), null);
            return;
        }
        JobActor.runAs(actor, () -> runHandler(job, actor));
    }

    private void runHandler(JobRecord job, Authentication actor) {
        JobHandler handler = jobs.handler(job.getType());
        try (DatabaseJobContext context = new DatabaseJobContext(job, actor)) {
            try {
                if (handler == null) {
                    throw new IllegalStateException("No handler for job type " + job.getType());
                }
                handler.run(context);
                boolean cancelled = cancelRequested(job.getId());
                finish(job, cancelled ? JobStatus.CANCELLED : JobStatus.SUCCEEDED, cancelled ? "Cancelled" : "Done", cancelled ? null : 1.0);
            } catch (Exception | Error e) {
                // A handler that throws after a cancel, whatever it throws, left on request.
                if (e instanceof JobCancelledException || cancelRequested(job.getId())) {
                    LOG.info("Job {} ({}) stopped after a cancel: {}", job.getId(), job.getType(), e.toString());
                    finish(job, JobStatus.CANCELLED, "Cancelled while it ran", null);
                } else {
                    LOG.warn("Job {} ({}) failed", job.getId(), job.getType(), e);
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    finish(job, JobStatus.FAILED, message, null);
                }
            }
        }
    }

    /** Moves the job from RUNNING on this node to its final state; a job judged dead meanwhile keeps its verdict. */
    private void finish(JobRecord job, JobStatus status, String message, Double progress) {
        var update = dsl.update(JOB).set(JOB.STATUS, status.name())
                .set(JOB.MESSAGE, message.substring(0, Math.min(message.length(), 1000)))
                .set(JOB.FINISHED_AT, now());
        if (progress != null) {
            update = update.set(JOB.PROGRESS, progress);
        }
        if (update.where(JOB.ID.eq(job.getId())).and(ownedAndRunning()).execute() == 0) {
            LOG.warn("Job {} ({}) ended as {} but is no longer running on this node; its recorded state stays",
                    job.getId(), job.getType(), status);
        }
    }

    private Condition ownedAndRunning() {
        return JOB.CLAIMED_BY.eq(node).and(JOB.STATUS.eq(JobStatus.RUNNING.name()));
    }

    /** A cancelled job, and one no longer running on this node (judged dead), should stop. */
    private boolean cancelRequested(UUID jobId) {
        return !dsl.fetchExists(JOB, JOB.ID.eq(jobId).and(ownedAndRunning()).and(JOB.CANCEL_REQUESTED.isFalse()));
    }

    /**
     * Stops this node's work. Its running jobs are interrupted and marked failed at once (another
     * node would otherwise wait for their heartbeat to expire).
     */
    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        executor.shutdownNow();
        try {
            TenantScope.callAsPlatform(() -> dsl.update(JOB).set(JOB.STATUS, JobStatus.FAILED.name())
                    .set(JOB.MESSAGE, "Interrupted: Cairn was stopped while it ran")
                    .set(JOB.FINISHED_AT, now())
                    .where(ownedAndRunning()).execute());
        } catch (RuntimeException e) {
            LOG.warn("Could not mark this node's running jobs failed on shutdown; other nodes will once their heartbeat expires", e);
        }
    }

    private static void guarded(String task, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep going.
            LOG.warn("{} failed; trying again at the next interval", task, e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** One run's context; closing it ends the job's own threads. */
    private final class DatabaseJobContext implements JobContext, AutoCloseable {
        private final JobRecord job;
        private final Authentication actor;
        private JobThreads threads;

        DatabaseJobContext(JobRecord job, Authentication actor) {
            this.job = job;
            this.actor = actor;
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
            double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
            String shown = message == null ? null : message.substring(0, Math.min(message.length(), 1000));
            dsl.update(JOB).set(JOB.PROGRESS, clamped).set(JOB.MESSAGE, shown).set(JOB.HEARTBEAT_AT, now())
                    .where(JOB.ID.eq(job.getId()).and(JOB.TENANT_ID.eq(job.getTenantId())).and(ownedAndRunning())).execute();
        }

        @Override
        public boolean cancelRequested() {
            return JobRunner.this.cancelRequested(job.getId());
        }

        @Override
        public int parallelism() {
            return properties.threadsPerJob();
        }

        @Override
        public synchronized ExecutorService executor() {
            if (threads == null) {
                threads = new JobThreads(job.getId(), job.getTenantId(), actor, properties.threadsPerJob());
            }
            return threads;
        }

        @Override
        public synchronized void close() {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
    }
}
