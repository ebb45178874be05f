package dev.cairn.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.modeling.BaselineService;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Sync with MLflow now" on a Cairn without MLflow says so at once instead of holding a worker for
 * a minute: the records wait in the outbox, and the jobs queued behind it are not kept waiting.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:syncwithoutmlflow;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=100ms"})
@ActiveProfiles("demo")
class SyncWithoutMlflowIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    JobService jobs;
    @Autowired
    BaselineService baselines;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void aSyncWithRecordsWaitingFailsAtOnceSayingMlflowIsNotConfigured() throws Exception {
        Actors actors = new Actors(dsl);
        var project = world.projectOf("acme");
        actors.run("acme-member", () -> baselines.record(project.id(), new BaselineService.BaselineInput("majority-" + UUID.randomUUID(),
                "accuracy", 0.7, "majority class", null)));

        long started = System.nanoTime();
        UUID job = actors.as("acme-member", () -> jobs.submit("cairn.tracking-sync", "Sync", project.id(), null));
        JobRecord done = JobAwait.finished(dsl, job);

        assertThat(done.getStatus()).isEqualTo("FAILED");
        assertThat(done.getMessage()).contains("MLflow is not configured (cairn.mlflow.tracking-uri)")
                .contains("wait in the outbox until it is");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds, not the minute a sync waits for a server").isLessThan(30);
    }
}
