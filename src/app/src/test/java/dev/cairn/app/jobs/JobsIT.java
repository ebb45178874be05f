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
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Background jobs: run in their own tenant, cancellable, private to their tenant (several nodes: JobLifecycleIT). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:jobs;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=200ms", "cairn.jobs.workers=1"})
@ActiveProfiles("demo")
class JobsIT {

    @Autowired
    JobService jobs;
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
        return JobAwait.until(dsl, jobId, condition);
    }
}
