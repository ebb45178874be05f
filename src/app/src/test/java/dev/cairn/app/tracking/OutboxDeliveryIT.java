package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.api.tracking.TrackingStatus.State;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real MLflow server (SECURITY.md item 19): experiments carry the tenant,
 * runs arrive once, records survive MLflow being down and are delivered exactly once on return,
 * even when the sender died after MLflow had accepted a run, when two senders (two nodes) share
 * the outbox, and when MLflow's answer to a run creation is lost (a proxy answers 500 after MLflow
 * created the run).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.send-interval=1h", "cairn.mlflow.timeout=3s", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class OutboxDeliveryIT {

    private static final MlflowServer MLFLOW = MlflowServer.start(Path.of("target", "it-mlflow", "outbox-" + UUID.randomUUID()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    DSLContext dsl;
    @Autowired
    MlflowGateway configuredGateway;
    @Autowired
    OutboxPayloads payloads;
    @Autowired
    MlflowConnection connection;
    @Autowired
    MlflowProperties mlflowProperties;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    dev.cairn.api.files.FileStore files;

    private Actors actors() {
        return new Actors(dsl);
    }

    private ProjectRef newProject(String key) {
        return actors().as("acme-pm", () -> projects.create("Project " + key, key, "outbox test"));
    }

    @Test
    void creatingAProjectCreatesItsExperimentNamedAndTaggedWithTheTenant() throws Exception {
        ProjectRef project = newProject("EXPA");
        drain();
        String name = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.EXPERIMENT_NAME)
                .from(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT)
                .where(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
        JsonNode experiment = get("experiments/get-by-name?experiment_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .get("experiment");
        UUID acme = actors().principal("acme-pm").tenantId();
        assertThat(name).contains(acme.toString()).endsWith("/EXPA");
        assertThat(tags(experiment)).containsEntry("cairn.tenant", acme.toString())
                .containsEntry("cairn.project", project.id().toString()).containsEntry("cairn.project_key", "EXPA")
                .as("MLflow's UI shows it as classic training runs, not in its GenAI view")
                .containsEntry("mlflow.experimentKind", "custom_model_development");
        assertThat(actors().as("acme-pm", () -> tracking.status(project.id())).state()).isEqualTo(State.IN_SYNC);
        assertThat(actors().as("acme-pm", () -> tracking.status(project.id())).experimentUrl())
                .hasValueSatisfying(url -> assertThat(url).startsWith(MLFLOW.uri()).contains("#/experiments/"));
    }

    @Test
    void aRecordedRunArrivesOnceWithItsParamsMetricsAndTags() throws Exception {
        ProjectRef project = newProject("RUNA");
        UUID outboxId = record(project, "first run");
        drain();
        drain();
        JsonNode runs = runsTagged(project, outboxId);
        assertThat(runs.size()).isEqualTo(1);
        JsonNode data = runs.get(0).get("data");
        assertThat(data.toString()).contains("\"learning_rate\"").contains("\"0.1\"").contains("\"accuracy\"")
                .contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void whileMlflowIsDownRecordingSucceedsLocallyAndIsDeliveredExactlyOnceWhenItReturns() throws Exception {
        ProjectRef project = newProject("DOWN");
        drain();
        MLFLOW.stop();
        try {
            long started = System.nanoTime();
            UUID outboxId = record(project, "while down");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(sender.sendDue()).isZero();
            var status = actors().as("acme-pm", () -> tracking.status(project.id()));
            assertThat(status.state()).isEqualTo(State.NOT_CONNECTED);
            assertThat(status.pendingRecords()).isEqualTo(1);
            MLFLOW.restart();
            drain();
            assertThat(runsTagged(project, outboxId).size()).isEqualTo(1);
            assertThat(actors().as("acme-pm", () -> tracking.status(project.id())).state()).isEqualTo(State.IN_SYNC);
        } finally {
            if (!MLFLOW.isRunning()) {
                MLFLOW.restart();
            }
        }
    }

    @Test
    void aSenderThatDiedAfterMlflowAcceptedTheRunDoesNotCreateASecondRun() throws Exception {
        ProjectRef project = newProject("DIED");
        drain();
        UUID outboxId = record(project, "accepted then crashed");
        String experimentId = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID)
                .from(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT)
                .where(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
        try (MlflowGateway gateway = new MlflowGateway(MLFLOW.uri(), Duration.ofSeconds(3))) {
            // What the dead sender did: MLflow has the run, the outbox still says pending.
            gateway.deliverRun(experimentId, outboxId.toString(), run("accepted then crashed"));
        }
        drain();
        assertThat(runsTagged(project, outboxId).size()).isEqualTo(1);
        assertThat(dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_OUTBOX.STATUS)
                .from(dev.cairn.app.db.Tables.TRACKING_OUTBOX)
                .where(dev.cairn.app.db.Tables.TRACKING_OUTBOX.ID.eq(outboxId)).fetchSingle().value1())).isEqualTo("SENT");
    }

    @Test
    void twoSendersOnOneDatabaseDeliverOneRunPerRecord() throws Exception {
        ProjectRef project = newProject("TWOS");
        List<UUID> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(record(project, "run " + i));
        }
        // A second node: its own sender under another name, on the same database and MLflow.
        OutboxSender otherNode = new OutboxSender(dsl, payloads, connection, mlflowProperties, outboxProperties, "other-node",
                configuredGateway, files);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> nodes = List.of(sender, otherNode).stream()
                .map(node -> Thread.ofPlatform().start(() -> sendUntilDelivered(node, project, go)))
                .toList();
        go.countDown();
        for (Thread node : nodes) {
            node.join(120_000);
        }

        assertThat(pending(project)).isZero();
        for (UUID record : records) {
            String sentAs = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_OUTBOX.MLFLOW_ID).from(dev.cairn.app.db.Tables.TRACKING_OUTBOX)
                    .where(dev.cairn.app.db.Tables.TRACKING_OUTBOX.ID.eq(record)).fetchSingle().value1());
            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), record.toString())).as("runs of record %s", record)
                    .containsExactly(sentAs);
        }
    }

    @Test
    void aRunCreationAnsweredWithAServerErrorAfterMlflowCarriedItOutLeavesOneRun() throws Exception {
        ProjectRef project = newProject("LOST");
        drain();
        String outboxId = UUID.randomUUID().toString();
        try (FirstRunCreateFailsProxy proxy = new FirstRunCreateFailsProxy(MLFLOW.uri());
             MlflowGateway gateway = new MlflowGateway(proxy.uri(), Duration.ofSeconds(5))) {
            String runId = gateway.deliverRun(experimentId(project), outboxId, run("answer lost"));

            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), outboxId)).containsExactly(runId);
            assertThat(proxy.forwardedCreates()).as("run creations that reached MLflow").isEqualTo(1);
            assertThat(gateway.deliverRun(experimentId(project), outboxId, run("answer lost"))).as("delivering again").isEqualTo(runId);
            assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), outboxId)).containsExactly(runId);
        }
    }

    private void sendUntilDelivered(OutboxSender node, ProjectRef project, CountDownLatch go) {
        try {
            go.await();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (pending(project) > 0 && System.nanoTime() < deadline) {
                node.retryNow();
                node.sendDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int pending(ProjectRef project) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.TRACKING_OUTBOX, dev.cairn.app.db.Tables.TRACKING_OUTBOX.PROJECT_ID.eq(project.id())
                .and(dev.cairn.app.db.Tables.TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING))));
    }

    private String experimentId(ProjectRef project) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID)
                .from(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT)
                .where(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
    }

    private UUID record(ProjectRef project, String name) {
        return actors().as("acme-member", () -> tracking.recordRun(project.id(), run(name)));
    }

    private static RunRecord run(String name) {
        return new RunRecord(name, Map.of("learning_rate", "0.1", "note", "<img src=x onerror=alert(1)>"),
                Map.of("accuracy", 0.87), Map.of("kind", "test"));
    }

    private void drain() {
        sender.retryNow();
        sender.sendDue();
    }

    private JsonNode runsTagged(ProjectRef project, UUID outboxId) throws Exception {
        String experimentId = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID)
                .from(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT)
                .where(dev.cairn.app.db.Tables.TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
        String body = JSON.writeValueAsString(Map.of("experiment_ids", new String[] {experimentId},
                "filter", "tags.\"cairn.outbox_id\" = '" + outboxId + "'", "run_view_type", "ALL"));
        JsonNode result = post("runs/search", body);
        return result.has("runs") ? result.get("runs") : JSON.createArrayNode();
    }

    private static Map<String, String> tags(JsonNode experiment) {
        var map = new java.util.HashMap<String, String>();
        experiment.get("tags").forEach(tag -> map.put(tag.get("key").asString(), tag.get("value").asString()));
        return map;
    }

    private static JsonNode get(String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(MLFLOW.uri() + "/api/2.0/mlflow/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, String body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(MLFLOW.uri() + "/api/2.0/mlflow/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
