package dev.cairn.app.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cairn.api.tracking.RunRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class MlflowGatewayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static MlflowServer server;
    private static MlflowGateway gateway;

    @BeforeAll
    static void startServer() throws IOException {
        Path workDir = Path.of("target", "mlflow-gateway-it").toAbsolutePath();
        deleteRecursively(workDir);
        server = MlflowServer.start(workDir);
        gateway = new MlflowGateway(server.uri(), TIMEOUT);
    }

    @AfterAll
    static void stopServer() {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void creatingAnExperimentTwiceReturnsTheSameIdAndKeepsTheTags() throws Exception {
        String name = "churn-" + UUID.randomUUID();

        String first = gateway.ensureExperiment(name, Map.of("cairn.project", "churn", "owner", "ana"));
        String second = gateway.ensureExperiment(name, Map.of("cairn.project", "churn", "stage", "it's \"quoted\""));

        assertThat(second).isEqualTo(first);
        JsonNode experiment = get("experiments/get?experiment_id=" + first).path("experiment");
        assertThat(experiment.path("name").asString()).isEqualTo(name);
        assertThat(keyValues(experiment.path("tags")))
                .containsEntry("cairn.project", "churn")
                .containsEntry("owner", "ana")
                .containsEntry("stage", "it's \"quoted\"");
    }

    @Test
    void ensuringADeletedExperimentRestoresIt() throws Exception {
        String name = "deleted-" + UUID.randomUUID();
        String id = gateway.ensureExperiment(name, Map.of());
        post("experiments/delete", Map.of("experiment_id", id));

        assertThat(gateway.ensureExperiment(name, Map.of("k", "v"))).isEqualTo(id);
        JsonNode experiment = get("experiments/get?experiment_id=" + id).path("experiment");
        assertThat(experiment.path("lifecycle_stage").asString()).isEqualTo("active");
        assertThat(keyValues(experiment.path("tags"))).containsEntry("k", "v");
    }

    @Test
    void aDeliveredRunCarriesParamsMetricsAndTagsReadBackThroughTheRestApi() throws Exception {
        String experimentId = gateway.ensureExperiment("delivery-" + UUID.randomUUID(), Map.of());
        String outboxId = UUID.randomUUID().toString();
        RunRecord record = new RunRecord("baseline \"v1\"",
                Map.of("learning_rate", "0.01", "features", "{\"a\": [1, 2]}", "note", "naïve, 'quoted' \\ value"),
                Map.of("accuracy", 0.875, "loss", 0.25),
                Map.of("cairn.model", "logreg", "team", "risk"));

        String runId = gateway.deliverRun(experimentId, outboxId, record);

        JsonNode run = get("runs/get?run_id=" + runId).path("run");
        assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
        assertThat(run.path("info").path("run_name").asString()).isEqualTo("baseline \"v1\"");
        assertThat(run.path("info").path("experiment_id").asString()).isEqualTo(experimentId);
        assertThat(keyValues(run.path("data").path("params"))).isEqualTo(record.params());
        assertThat(metrics(run.path("data").path("metrics")))
                .containsEntry("accuracy", 0.875)
                .containsEntry("loss", 0.25)
                .hasSize(2);
        assertThat(keyValues(run.path("data").path("tags")))
                .containsEntry(MlflowGateway.OUTBOX_TAG, outboxId)
                .containsEntry("cairn.model", "logreg")
                .containsEntry("team", "risk")
                .containsEntry("mlflow.runName", "baseline \"v1\"");
    }

    @Test
    void deliveringTheSameOutboxRecordTwiceCreatesExactlyOneRun() throws Exception {
        String experimentId = gateway.ensureExperiment("idempotent-" + UUID.randomUUID(), Map.of());
        String outboxId = UUID.randomUUID().toString();
        RunRecord record = new RunRecord("once", Map.of("p", "1"), Map.of("m", 1.0), Map.of());

        String first = gateway.deliverRun(experimentId, outboxId, record);
        String second = gateway.deliverRun(experimentId, outboxId, record);
        String other = gateway.deliverRun(experimentId, UUID.randomUUID().toString(), record);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(runIds(experimentId)).containsExactlyInAnyOrder(first, other);
    }

    @Test
    void anOutboxIdContainingQuotesIsFoundAgainOnTheSecondDelivery() throws Exception {
        String experimentId = gateway.ensureExperiment("quotes-" + UUID.randomUUID(), Map.of());
        RunRecord record = new RunRecord("quoted", Map.of(), Map.of("m", 2.0), Map.of());

        for (String outboxId : List.of("it's-" + UUID.randomUUID(), "say \"hi\"-" + UUID.randomUUID(),
                "back\\slash-" + UUID.randomUUID())) {
            String first = gateway.deliverRun(experimentId, outboxId, record);
            assertThat(gateway.deliverRun(experimentId, outboxId, record)).isEqualTo(first);
        }
        assertThat(runIds(experimentId)).hasSize(3);
        assertThatThrownBy(() -> gateway.deliverRun(experimentId, "both ' and \"", record))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunLeftUnfinishedByAnInterruptedDeliveryIsCompletedNotDuplicated() throws Exception {
        String experimentId = gateway.ensureExperiment("resume-" + UUID.randomUUID(), Map.of());
        String outboxId = UUID.randomUUID().toString();
        // What a crash right after create-run leaves behind: a RUNNING run with the outbox tag only.
        String orphan = post("runs/create", Map.of("experiment_id", experimentId, "run_name", "resumed",
                        "start_time", System.currentTimeMillis(),
                        "tags", List.of(Map.of("key", MlflowGateway.OUTBOX_TAG, "value", outboxId))))
                .path("run").path("info").path("run_id").asString();

        RunRecord record = new RunRecord("resumed", Map.of("p", "x"), Map.of("m", 3.5), Map.of("t", "y"));
        String delivered = gateway.deliverRun(experimentId, outboxId, record);
        String again = gateway.deliverRun(experimentId, outboxId, record);

        assertThat(delivered).isEqualTo(orphan);
        assertThat(again).isEqualTo(orphan);
        assertThat(runIds(experimentId)).containsExactly(orphan);
        JsonNode run = get("runs/get?run_id=" + orphan).path("run");
        assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
        assertThat(keyValues(run.path("data").path("params"))).containsEntry("p", "x");
        assertThat(metrics(run.path("data").path("metrics"))).containsEntry("m", 3.5);
        assertThat(keyValues(run.path("data").path("tags"))).containsEntry("t", "y");
    }

    @Test
    void aStoppedServerGivesTrackingUnavailableQuickly() throws Exception {
        String experimentId = gateway.ensureExperiment("outage-" + UUID.randomUUID(), Map.of());
        RunRecord record = new RunRecord("during outage", Map.of("p", "1"), Map.of("m", 1.0), Map.of());
        String outboxId = UUID.randomUUID().toString();

        server.stop();
        try {
            assertThat(gateway.isReachable()).isFalse();
            long started = System.nanoTime();
            assertThatThrownBy(() -> gateway.deliverRun(experimentId, outboxId, record))
                    .isInstanceOf(TrackingUnavailableException.class)
                    .hasMessageContaining(server.uri());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(2));
        } finally {
            server.restart();
        }

        String runId = gateway.deliverRun(experimentId, outboxId, record);
        assertThat(gateway.isReachable()).isTrue();

        // A restart nobody notices (no call in between) must not fail the next write on a stale
        // pooled connection.
        server.restart();
        assertThat(gateway.deliverRun(experimentId, outboxId, record)).isEqualTo(runId);
        assertThat(runIds(experimentId)).containsExactly(runId);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // keep the connection open, never read or write
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            String uri = "http://127.0.0.1:" + silent.getLocalPort();
            try (MlflowGateway stalled = new MlflowGateway(uri, Duration.ofSeconds(2))) {
                long started = System.nanoTime();
                assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                        assertThatThrownBy(() -> stalled.ensureExperiment("never", Map.of()))
                                .isInstanceOf(TrackingUnavailableException.class)
                                .hasMessageContaining(uri)
                                .hasMessageContaining("no answer within PT2S"));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(6));
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(stalled.isReachable()).isFalse());
            } finally {
                silent.close();
                acceptor.join(2_000);
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
        assertThat(accepted).isNotEmpty();
    }

    // --- reading back through MLflow's REST API, independently of the gateway ---

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return send(request);
    }

    private static JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return send(request);
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", request.uri(), response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI api(String path) {
        return URI.create(server.uri() + "/api/2.0/mlflow/" + path);
    }

    private static List<String> runIds(String experimentId) throws IOException, InterruptedException {
        JsonNode found = post("runs/search", Map.of("experiment_ids", List.of(experimentId),
                "run_view_type", "ALL", "max_results", 100));
        List<String> ids = new ArrayList<>();
        found.path("runs").forEach(run -> ids.add(run.path("info").path("run_id").asString()));
        return ids;
    }

    private static Map<String, String> keyValues(JsonNode entries) {
        Map<String, String> result = new HashMap<>();
        entries.forEach(entry -> result.put(entry.path("key").asString(), entry.path("value").asString()));
        return result;
    }

    private static Map<String, Double> metrics(JsonNode entries) {
        Map<String, Double> result = new HashMap<>();
        entries.forEach(entry -> result.put(entry.path("key").asString(), entry.path("value").asDouble()));
        return result;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
