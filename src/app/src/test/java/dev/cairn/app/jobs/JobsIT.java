package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Background jobs: claimed through the database, run in their own tenant, cancellable, failed on restart. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:jobs;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=200ms", "cairn.jobs.workers=1"})
@ActiveProfiles("demo")
class JobsIT {

    @Autowired
    JobService jobs;
    @Autowired
    JobRunner runner;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    private Actors actors() {
        return new Actors(dsl);
    }

    @Test
    void aJobRunsInTheTenantOfItsOwnRecordAndFinishes() throws Exception {
        UUID globexJob = actors().as("globex-member", () -> jobs.submit("test.tenant-probe", "probe", world.projectOf("globex").id(), null));
        UUID acmeJob = actors().as("acme-member", () -> jobs.submit("test.tenant-probe", "probe", world.projectOf("acme").id(), null));
        JobRecord done = await(acmeJob, job -> JobStatus.valueOf(job.getStatus()).finished());
        await(globexJob, job -> JobStatus.valueOf(job.getStatus()).finished());
        assertThat(done.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(done.getProgress()).isEqualTo(1.0);
        assertThat(ProbeJobs.TENANT_SEEN.get(acmeJob)).isEqualTo(world.tenantId("acme"));
        assertThat(ProbeJobs.TENANT_SEEN.get(globexJob)).isEqualTo(world.tenantId("globex"));
    }

    @Test
    void aRunningJobReportsProgressAndStopsWhenCancelled() throws Exception {
        UUID job = actors().as("acme-member", () -> jobs.submit("test.until-cancelled", "long", null, null));
        await(job, j -> j.getStatus().equals("RUNNING") && j.getProgress() > 0);
        actors().run("acme-member", () -> jobs.cancel(job));
        JobRecord cancelled = await(job, j -> JobStatus.valueOf(j.getStatus()).finished());
        assertThat(cancelled.getStatus()).isEqualTo("CANCELLED");
    }

    @Test
    void anotherTenantsJobCannotBeSeenOrCancelled() {
        UUID acmeJob = actors().as("acme-member", () -> jobs.submit("test.tenant-probe", "probe", null, null));
        assertThatThrownBy(() -> actors().run("globex-admin", () -> jobs.cancel(acmeJob))).isInstanceOf(NotFoundException.class);
        assertThat(actors().as("globex-admin", () -> jobs.recent()).stream().map(JobRecord::getId)).doesNotContain(acmeJob);
    }

    @Test
    void aJobLeftRunningByADeadProcessIsMarkedFailedAtStartUp() {
        UUID orphan = UUID.randomUUID();
        TenantScope.runAs(world.tenantId("acme"), () -> dsl.insertInto(JOB).set(JOB.ID, orphan).set(JOB.TENANT_ID, world.tenantId("acme"))
                .set(JOB.TYPE, "test.tenant-probe")
                .set(JOB.TITLE, "orphan").set(JOB.STATUS, "RUNNING").set(JOB.PROGRESS, 0.3).set(JOB.CANCEL_REQUESTED, false)
                .set(JOB.CREATED_BY, "acme-member").set(JOB.CLAIMED_BY, "dead-node").set(JOB.CREATED_AT, OffsetDateTime.now())
                .execute());
        runner.failInterruptedJobs();
        JobRecord job = TenantScope.callAsPlatform(() -> dsl.selectFrom(JOB).where(JOB.ID.eq(orphan)).fetchSingle());
        assertThat(job.getStatus()).isEqualTo("FAILED");
        assertThat(job.getMessage()).contains("Interrupted by a restart");
    }

    @Test
    void aJobClaimedByOneRunnerCannotBeClaimedAgain() {
        UUID job = UUID.randomUUID();
        TenantScope.runAs(world.tenantId("acme"), () -> dsl.insertInto(JOB).set(JOB.ID, job).set(JOB.TENANT_ID, world.tenantId("acme"))
                .set(JOB.TYPE, "test.tenant-probe")
                .set(JOB.TITLE, "claimed").set(JOB.STATUS, "RUNNING").set(JOB.PROGRESS, 0.0).set(JOB.CANCEL_REQUESTED, false)
                .set(JOB.CREATED_BY, "acme-member").set(JOB.CREATED_AT, OffsetDateTime.now()).execute());
        assertThat(runner.claimNext().map(JobRecord::getId)).isNotEqualTo(java.util.Optional.of(job));
    }

    @Test
    void viewersCannotStartJobs() {
        // Demo tenants have no viewer: make one through the tenant admin.
        actors().run("acme-admin", () -> {
            if (dsl.fetchCount(dev.cairn.app.db.Tables.APP_USER, dev.cairn.app.db.Tables.APP_USER.USERNAME.eq("acme-viewer")) == 0) {
                world.users().create("acme-viewer", "Vera Viewer", "viewer-password-42", java.util.Set.of(dev.cairn.api.security.Role.VIEWER));
            }
        });
        assertThatThrownBy(() -> actors().run("acme-viewer", () -> jobs.submit("test.tenant-probe", "x", null, null)))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
    }

    private JobRecord await(UUID jobId, Predicate<JobRecord> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JobRecord job = null;
        while (System.nanoTime() < deadline) {
            job = TenantScope.callAsPlatform(() -> dsl.selectFrom(JOB).where(JOB.ID.eq(jobId)).fetchSingle());
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not reach the state; last: " + (job == null ? null : job.getStatus()));
    }
}
