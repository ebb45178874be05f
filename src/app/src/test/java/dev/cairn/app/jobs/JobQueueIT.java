package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tenant's queue: a tenant at its limit waits while another tenant's job starts, a burst of one
 * tenant does not take a freed worker from another, a cancel reaches a job on another node and ends
 * it CANCELLED, and a job's threads are capped and run in its tenant. The application's own runner
 * polls once an hour here, so the test's runners ("nodes") decide what runs when.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:jobqueue;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.jobs.tenant-limit=3", "cairn.jobs.threads-per-job=2"})
@ActiveProfiles("demo")
class JobQueueIT {

    private static final String BLOCKS = "test.blocks-until-released";

    @Autowired
    JobService jobs;
    @Autowired
    JobsProperties properties;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    private final List<JobRunner> nodes = new ArrayList<>();
    private final List<UUID> submitted = new ArrayList<>();

    @AfterEach
    void releaseStopAndEmptyTheQueue() {
        submitted.forEach(id -> ProbeJobs.release(id).countDown());
        nodes.forEach(JobRunner::stop);
        TenantScope.callAsPlatform(() -> dsl.update(JOB).set(JOB.STATUS, "CANCELLED").set(JOB.FINISHED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(JOB.STATUS.in("QUEUED", "RUNNING")).execute());
    }

    @Test
    void aTenantAtItsLimitWaitsInItsQueueWhileAnotherTenantsJobStarts() throws Exception {
        actors().run("acme-admin", () -> jobs.setTenantLimit(2));
        List<UUID> acme = submit("acme-member", 5);
        UUID globex = submit("globex-member", 1).getFirst();
        JobRunner node = node("three-workers", 3);

        node.claimAndRun();

        awaitStatus(acme.get(0), "RUNNING");
        awaitStatus(acme.get(1), "RUNNING");
        awaitStatus(globex, "RUNNING");
        assertThat(List.of(acme.get(2), acme.get(3), acme.get(4))).allSatisfy(id -> assertThat(fetch(id).getStatus()).isEqualTo("QUEUED"));
        actors().run("acme-member", () -> {
            assertThat(jobs.queuePositions()).containsExactly(java.util.Map.entry(acme.get(2), 1), java.util.Map.entry(acme.get(3), 2),
                    java.util.Map.entry(acme.get(4), 3));
            assertThat(jobs.runningCount()).isEqualTo(2);
            assertThat(jobs.tenantLimit()).isEqualTo(2);
        });
        assertThat(actors().as("globex-member", () -> jobs.queuePositions())).as("Globex's queue is its own").isEmpty();

        ProbeJobs.release(acme.get(0)).countDown();
        awaitStatus(acme.get(0), "SUCCEEDED");
        await(() -> node.freeWorkers() == 1);
        node.claimAndRun();

        awaitStatus(acme.get(2), "RUNNING");
        assertThat(fetch(acme.get(3)).getStatus()).isEqualTo("QUEUED");
        assertThat(actors().as("acme-member", () -> jobs.queuePositions())).containsExactly(java.util.Map.entry(acme.get(3), 1),
                java.util.Map.entry(acme.get(4), 2));
    }

    @Test
    void aLaterJobOfAnotherTenantGoesAheadOfTheRestOfABurstAndTheBurstGoesOnWhenAWorkerIsFree() throws Exception {
        actors().run("acme-admin", () -> jobs.setTenantLimit(3));
        List<UUID> burst = submit("acme-member", 4);
        UUID globex = submit("globex-member", 1).getFirst();
        JobRunner node = node("two-workers", 2);

        node.claimAndRun();

        awaitStatus(burst.get(0), "RUNNING");
        awaitStatus(globex, "RUNNING");
        assertThat(fetch(burst.get(1)).getStatus()).as("submitted before Globex's job, but Acme already runs one").isEqualTo("QUEUED");

        ProbeJobs.release(globex).countDown();
        awaitStatus(globex, "SUCCEEDED");
        await(() -> node.freeWorkers() == 1);
        node.claimAndRun();

        awaitStatus(burst.get(1), "RUNNING");
        assertThat(fetch(burst.get(2)).getStatus()).isEqualTo("QUEUED");
    }

    @Test
    void aCancelReachesAJobRunningOnAnotherNodeWhoseHandlerThrowsOutAndTheJobEndsCancelled() throws Exception {
        UUID job = actors().as("acme-member", () -> jobs.submit("test.throws-when-cancelled", "long", null, null));
        node("other-node", 1).claimAndRun();
        await(() -> fetch(job).getStatus().equals("RUNNING") && fetch(job).getProgress() > 0);

        actors().run("acme-member", () -> jobs.cancel(job)); // on this node, not the one running it

        JobRecord done = awaitFinished(job);
        assertThat(done.getStatus()).isEqualTo("CANCELLED");
        assertThat(done.getMessage()).isEqualTo("Cancelled while it ran");
        assertThat(done.getClaimedBy()).isEqualTo("other-node");
        assertThat(ProbeJobs.SAW_CANCEL).containsEntry(job, true);
    }

    @Test
    void aJobRunsAtMostItsShareOfThreadsAllInItsOwnTenantAndLeavesNoneBehind() throws Exception {
        UUID job = actors().as("globex-member", () -> jobs.submit("test.uses-threads", "parallel", null, null));
        node("threads-node", 1).claimAndRun();

        JobRecord done = awaitFinished(job);
        assertThat(done.getStatus()).as("message: %s", done.getMessage()).isEqualTo("SUCCEEDED");
        assertThat(ProbeJobs.PARALLELISM).containsEntry(job, 2);
        assertThat(ProbeJobs.PEAK_THREADS).as("eight tasks on a cap of two threads").containsEntry(job, 2);
        assertThat(ProbeJobs.TASK_TENANTS.get(job)).containsExactly(world.tenantId("globex"));
        await(() -> ProbeJobs.EXECUTORS.get(job).isShutdown());
    }

    private List<UUID> submit(String username, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            ids.add(actors().as(username, () -> jobs.submit(BLOCKS, username + " job " + n, null, null)));
        }
        submitted.addAll(ids);
        return ids;
    }

    private JobRunner node(String name, int workers) {
        JobRunner node = new JobRunner(dsl, jobs, properties.withWorkers(workers), name);
        nodes.add(node);
        return node;
    }

    private Actors actors() {
        return new Actors(dsl);
    }

    private JobRecord fetch(UUID id) {
        return TenantScope.callAsPlatform(() -> dsl.selectFrom(JOB).where(JOB.ID.eq(id)).fetchSingle());
    }

    private void awaitStatus(UUID id, String status) throws InterruptedException {
        awaitJob(id, j -> j.getStatus().equals(status));
    }

    private JobRecord awaitFinished(UUID id) throws InterruptedException {
        return awaitJob(id, j -> JobStatus.valueOf(j.getStatus()).finished());
    }

    private JobRecord awaitJob(UUID id, Predicate<JobRecord> condition) throws InterruptedException {
        await(() -> condition.test(fetch(id)));
        return fetch(id);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
