package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TRACKING_EXPERIMENT;
import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two outbox senders (two nodes) on one database against a real MLflow server deliver exactly one
 * MLflow run per record (SECURITY.md item 19): a sender claims a record in the database before it
 * delivers it, so the other one never delivers it at the same time.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:outboxsenders;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.send-interval=1h", "cairn.mlflow.timeout=5s", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class OutboxSendersIT {

    private static final MlflowServer MLFLOW = MlflowServer.start(Path.of("target", "it-mlflow", "senders-" + UUID.randomUUID()));
    private static final int RUNS = 12;

    @DynamicPropertySource
    static void mlflow(DynamicPropertyRegistry registry) {
        registry.add("cairn.mlflow.tracking-uri", MLFLOW::uri);
    }

    @AfterAll
    static void stopMlflow() {
        MLFLOW.stop();
    }

    @Autowired
    ProjectService projects;
    @Autowired
    TrackingService tracking;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxPayloads payloads;
    @Autowired
    MlflowConnection connection;
    @Autowired
    MlflowProperties mlflowProperties;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    DSLContext dsl;
    @Autowired
    dev.cairn.app.tracking.mlflow.MlflowGateway gateway;

    @Test
    void twoSendersOnOneDatabaseDeliverOneRunPerRecord() throws Exception {
        Actors actors = new Actors(dsl);
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Two senders", "TWOS", "outbox test"));
        List<UUID> records = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            RunRecord run = new RunRecord("run " + i, Map.of("i", Integer.toString(i)), Map.of("score", i / 10.0), Map.of());
            records.add(actors.as("acme-member", () -> tracking.recordRun(project.id(), run)));
        }
        OutboxSender otherNode = new OutboxSender(dsl, payloads, connection, mlflowProperties, outboxProperties, "other-node", gateway);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> nodes = List.of(sender, otherNode).stream()
                .map(node -> Thread.ofPlatform().start(() -> sendUntilDelivered(node, project, go)))
                .toList();
        go.countDown();
        for (Thread node : nodes) {
            node.join(120_000);
        }

        assertThat(pending(project)).isZero();
        String experimentId = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID).from(TRACKING_EXPERIMENT)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
        for (UUID record : records) {
            String sentAs = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(TRACKING_OUTBOX.MLFLOW_ID).from(TRACKING_OUTBOX).where(TRACKING_OUTBOX.ID.eq(record))
                    .fetchSingle().value1());
            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId, record.toString())).as("runs of record %s", record)
                    .containsExactly(sentAs);
        }
    }

    private void sendUntilDelivered(OutboxSender node, ProjectRef project, CountDownLatch go) {
        try {
            go.await();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (pending(project) > 0 && System.nanoTime() < deadline) {
                node.retryNow();
                node.sendDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int pending(ProjectRef project) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.fetchCount(TRACKING_OUTBOX, TRACKING_OUTBOX.PROJECT_ID.eq(project.id())
                .and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING))));
    }
}
