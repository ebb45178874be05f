package dev.cairn.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A job acts as the user who started it (JobActor): in its own thread and its tasks, with the
 * permissions they had then, and not at all once they cannot act any more. One worker, so a job
 * queued behind a blocking one waits until the test lets it run.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:jobstarter;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=200ms", "cairn.jobs.workers=1"})
@ActiveProfiles("demo")
class JobStarterIT {

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
    void aJobActsAsItsStarterInItsThreadAndInItsTasks() throws Exception {
        UUID job = actors().as("acme-pm", () -> jobs.submit("test.who-runs", "who", null, null));
        assertThat(JobAwait.finished(dsl, job).getStatus()).isEqualTo("SUCCEEDED");
        assertThat(ProbeJobs.ACTED_AS.get(job)).isEqualTo("acme-pm [PROJECT_MANAGER]");
        assertThat(ProbeJobs.TASK_ACTED_AS.get(job)).isEqualTo("acme-pm [PROJECT_MANAGER]");
        assertThat(ProbeJobs.COULD.get(job)).contains(PlatformPermissions.CREATE_PROJECT.id(), PlatformPermissions.START_JOBS.id())
                .doesNotContain(PlatformPermissions.MANAGE_USERS.id());
    }

    @Test
    void aJobStartedWithAScopedTokenHoldsOnlyThatScope() throws Exception {
        UUID job = actors().asScopedTo("acme-pm", List.of(PlatformPermissions.START_JOBS),
                () -> jobs.submit("test.who-runs", "who", null, null));
        assertThat(JobAwait.finished(dsl, job).getStatus()).isEqualTo("SUCCEEDED");
        assertThat(ProbeJobs.ACTED_AS.get(job)).startsWith("acme-pm ");
        assertThat(ProbeJobs.COULD.get(job)).containsExactly(PlatformPermissions.START_JOBS.id());
    }

    @Test
    void aJobPartOfAnActionAnotherPermissionAllowsNeedsThatPermissionInsteadOfStartJobs() throws Exception {
        // A pipeline's token scoped to one plugin permission (data.upload) queues the job its upload starts.
        UUID job = actors().asScopedTo("acme-pm", List.of(PlatformPermissions.CREATE_PROJECT),
                () -> jobs.submit("test.who-runs", "who", null, null, PlatformPermissions.CREATE_PROJECT));
        assertThat(JobAwait.finished(dsl, job).getStatus()).isEqualTo("SUCCEEDED");
        assertThat(ProbeJobs.COULD.get(job)).containsExactly(PlatformPermissions.CREATE_PROJECT.id());
        assertThatThrownBy(() -> actors().asScopedTo("acme-pm", List.of(PlatformPermissions.START_JOBS),
                () -> jobs.submit("test.who-runs", "who", null, null, PlatformPermissions.CREATE_PROJECT)))
                .as("start-jobs alone does not stand in for the action's own permission")
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
        assertThatThrownBy(() -> actors().asScopedTo("acme-pm", List.of(PlatformPermissions.CREATE_PROJECT),
                () -> jobs.submit("test.who-runs", "who", null, null)))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
    }

    @Test
    void aJobWhoseStarterWasDeletedBeforeItRanFailsSayingSo() throws Exception {
        UUID userId = actors().as("acme-admin",
                () -> world.users().create("acme-jobber", "Jo Bber", "jobber-password-42", Set.of(Role.MEMBER)));
        UUID blocker = actors().as("acme-admin", () -> jobs.submit("test.blocks-until-released", "blocker", null, null));
        JobAwait.until(dsl, blocker, j -> j.getStatus().equals("RUNNING"));
        UUID job = actors().as("acme-jobber", () -> jobs.submit("test.who-runs", "who", null, null));
        actors().run("acme-admin", () -> world.users().delete(userId));
        ProbeJobs.release(blocker).countDown();

        JobRecord failed = JobAwait.finished(dsl, job);
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getMessage()).isEqualTo("Not run: acme-jobber, who started it, was deleted.");
        assertThat(ProbeJobs.ACTED_AS).doesNotContainKey(job);
    }
}
