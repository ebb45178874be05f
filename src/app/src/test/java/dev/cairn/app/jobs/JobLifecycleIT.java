package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Jobs on several nodes sharing one database (SECURITY.md item 21): one runner wins a job, a node's
 * heartbeat keeps its jobs alive, only a job whose heartbeat stopped is marked failed, and a result
 * never overwrites a job that is no longer running on the node that reports it. The application's
 * own runner polls once an hour here, so the test's runners ("other nodes") decide who runs what.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:joblifecycle;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.jobs.heartbeat-interval=200ms", "cairn.jobs.dead-after=1s", "cairn.jobs.workers=1"})
@ActiveProfiles("demo")
class JobLifecycleIT {

    @Autowired
    JobService jobs;
    @Autowired
    JobRunner runner;
    @Autowired
    JobsProperties properties;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    private final List<JobRunner> nodes = new java.util.ArrayList<>();

    @AfterEach
    void stopNodesAndEmptyTheQueue() {
        nodes.forEach(JobRunner::stop);
        // Each test's runners should see only that test's jobs.
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(JOB).set(JOB.STATUS, "CANCELLED").set(JOB.FINISHED_AT, now())
                .where(JOB.STATUS.in("QUEUED", "RUNNING")).execute());
    }

    private JobRunner node(String name) {
        JobRunner node = new JobRunner(dsl, jobs, properties, name);
        nodes.add(node);
        return node;
    }

    @Test
    void twoRunnersRacingForOneQueuedJobRunItExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID job = queued("test.count-runs", null);
            JobRunner a = node("node-a-" + round);
            JobRunner b = node("node-b-" + round);
            CountDownLatch go = new CountDownLatch(1);
            Thread first = Thread.ofPlatform().start(() -> awaitThen(go, a::claimAndRun));
            Thread second = Thread.ofPlatform().start(() -> awaitThen(go, b::claimAndRun));
            go.countDown();
            first.join();
            second.join();
            JobRecord done = await(job, j -> JobStatus.valueOf(j.getStatus()).finished());
            assertThat(done.getStatus()).isEqualTo("SUCCEEDED");
            assertThat(ProbeJobs.RUNS.get(job)).hasValue(1);
            assertThat(done.getClaimedBy()).isIn("node-a-" + round, "node-b-" + round);
        }
    }

    @Test
    void aRestartLeavesAnotherNodesLiveJobRunning() {
        UUID live = running("other-live-node", now());
        runner.reapDeadJobs(); // what a node does when it starts, and then periodically
        JobRecord job = fetch(live);
        assertThat(job.getStatus()).isEqualTo("RUNNING");
        assertThat(job.getClaimedBy()).isEqualTo("other-live-node");
    }

    @Test
    void aJobWhoseNodeStoppedSendingHeartbeatsIsMarkedFailed() {
        UUID silent = running("dead-node", now().minusMinutes(10));
        UUID fromBeforeHeartbeats = running("old-node", null); // started 10 minutes ago, never beat
        runner.reapDeadJobs();
        for (UUID id : List.of(silent, fromBeforeHeartbeats)) {
            JobRecord job = fetch(id);
            assertThat(job.getStatus()).isEqualTo("FAILED");
            assertThat(job.getMessage()).contains("stopped");
            assertThat(job.getFinishedAt()).isNotNull();
        }
    }

    @Test
    void aJobRunningLongerThanTheDeadlineKeepsItsHeartbeatAndSucceeds() throws Exception {
        UUID job = queued("test.sleeps", "2500"); // dead-after is 1 s
        JobRunner node = node("busy-node");
        node.start();
        JobRecord done = await(job, j -> JobStatus.valueOf(j.getStatus()).finished());
        assertThat(done.getStatus()).as("message: %s", done.getMessage()).isEqualTo("SUCCEEDED");
        assertThat(done.getClaimedBy()).isEqualTo("busy-node");
    }

    @Test
    void aResultDoesNotOverwriteAJobThatWasMarkedFailedMeanwhile() throws Exception {
        UUID job = queued("test.blocks-until-released", null);
        node("slow-node").claimAndRun();
        await(job, j -> j.getStatus().equals("RUNNING"));
        // Another node judged it dead (say a long GC pause on slow-node) and marked it failed.
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(JOB).set(JOB.STATUS, "FAILED").set(JOB.MESSAGE, "judged dead by another node")
                .set(JOB.FINISHED_AT, now()).where(JOB.ID.eq(job)).execute());
        ProbeJobs.release(job).countDown();
        assertThat(ProbeJobs.returned(job).await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500); // the runner reports the handler's result right after it returns
        JobRecord after = fetch(job);
        assertThat(after.getStatus()).isEqualTo("FAILED");
        assertThat(after.getMessage()).isEqualTo("judged dead by another node");
    }

    @Test
    void theJobListHoldsAtMostTheRequestedNumberOfNewestJobs() {
        Actors actors = new Actors(dsl);
        List<UUID> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            submitted.add(actors.as("globex-member", () -> jobs.submit("test.tenant-probe", "listed " + n, null, null)));
        }
        List<JobRecord> shown = actors.as("globex-member", () -> jobs.recent(3));
        assertThat(shown).extracting(JobRecord::getId).containsExactly(submitted.get(3), submitted.get(2), submitted.get(1));
    }

    private UUID queued(String type, String payload) {
        UUID id = UUID.randomUUID();
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.insertInto(JOB).set(JOB.ID, id).set(JOB.TENANT_ID, world.tenantId("acme")).set(JOB.TYPE, type)
                .set(JOB.TITLE, type).set(JOB.PAYLOAD, payload).set(JOB.STATUS, "QUEUED").set(JOB.PROGRESS, 0.0)
                .set(JOB.CANCEL_REQUESTED, false).set(JOB.CREATED_BY, "acme-member").set(JOB.CREATED_AT, now()).execute());
        return id;
    }

    private UUID running(String node, OffsetDateTime heartbeat) {
        UUID id = UUID.randomUUID();
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.insertInto(JOB).set(JOB.ID, id).set(JOB.TENANT_ID, world.tenantId("acme")).set(JOB.TYPE, "test.tenant-probe")
                .set(JOB.TITLE, "running elsewhere").set(JOB.STATUS, "RUNNING").set(JOB.PROGRESS, 0.3)
                .set(JOB.CANCEL_REQUESTED, false).set(JOB.CREATED_BY, "acme-member").set(JOB.CLAIMED_BY, node)
                .set(JOB.CREATED_AT, now().minusMinutes(11)).set(JOB.STARTED_AT, now().minusMinutes(10))
                .set(JOB.HEARTBEAT_AT, heartbeat).execute());
        return id;
    }

    private JobRecord fetch(UUID id) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.selectFrom(JOB).where(JOB.ID.eq(id)).fetchSingle());
    }

    private static void awaitThen(CountDownLatch go, Runnable work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }

    private JobRecord await(UUID jobId, Predicate<JobRecord> condition) throws InterruptedException {
        return JobAwait.until(dsl, jobId, condition);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

}
