package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TRACKING_EXPERIMENT;
import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tracking.DatasetInput;
import dev.cairn.api.tracking.DatasetInput.Context;
import dev.cairn.api.tracking.ModelVersion;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The tracking facade as the modeling stage uses it, against a real MLflow server without
 * workspaces (tenants kept apart by names and tags): a child run with metric steps, a dataset input
 * with its digest and an artefact, read back through MLflow's REST API; a resent record duplicates
 * nothing; registry versions, aliases and tags, per tenant; records made while MLflow is down.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rich-runs;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.send-interval=1h", "cairn.mlflow.timeout=5s", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class RichRunsIT {

    private static final MlflowServer MLFLOW = MlflowServer.start(Path.of("target", "it-mlflow", "rich-runs-" + UUID.randomUUID()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.250Z");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

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
    ModelRegistryService registry;
    @Autowired
    OutboxSender sender;
    @Autowired
    FileStore files;
    @Autowired
    DSLContext dsl;
    @Autowired
    dev.cairn.api.tenancy.TenantDb tenantDb;
    @Autowired
    OutboxPayloads payloads;

    private final Actors actors() {
        return new Actors(dsl);
    }

    @Test
    void aChildRunArrivesWithItsMetricStepsDatasetInputArtefactUserAndTenant() throws Exception {
        ProjectRef project = newProject("acme-pm", "RICH");
        UUID parent = record(RunRecord.named("sweep").param("trials", "2").build(), project);
        UUID model = storeFile("model.bin", "model bytes ".repeat(1000));
        UUID child = record(childRun(parent, model), project);
        drain();
        drain(); // a child sorted before its parent waits one pass

        JsonNode run = runOf(child);
        Map<String, String> tags = tags(run.path("data").path("tags"));
        UUID acme = actors().principal("acme-pm").tenantId();
        assertThat(tags).containsEntry("mlflow.user", "acme-member")
                .containsEntry("mlflow.parentRunId", mlflowId(parent))
                .containsEntry("cairn.tenant", acme.toString()).containsEntry("cairn.project", project.id().toString())
                .containsEntry("kind", "trial");
        assertThat(history(run, "loss")).containsExactly("0:0.9@" + T0.toEpochMilli(), "1:0.6@" + T0.plusSeconds(1).toEpochMilli(),
                "2:0.4@" + T0.plusSeconds(2).toEpochMilli());
        JsonNode inputs = run.path("inputs").path("dataset_inputs");
        assertThat(inputs.size()).isEqualTo(1);
        assertThat(inputs.get(0).path("dataset").path("name").asString()).isEqualTo("churn v3");
        assertThat(inputs.get(0).path("dataset").path("digest").asString()).isEqualTo(SHA256.substring(0, 36));
        assertThat(tags(inputs.get(0).path("tags"))).containsEntry("mlflow.data.context", "training")
                .containsEntry("cairn.digest", SHA256);
        assertThat(artifact(run, "model/model.bin")).isEqualTo("model bytes ".repeat(1000));
    }

    @Test
    void aResentRecordLeavesOneRunOneCopyOfEachMetricStepOneInputAndOneArtefact() throws Exception {
        ProjectRef project = newProject("acme-pm", "RSND");
        UUID parent = record(RunRecord.named("sweep").build(), project);
        UUID child = record(childRun(parent, storeFile("m.bin", "weights")), project);
        drain();
        drain();
        String runId = mlflowId(child);
        // A sender that died mid-delivery: MLflow has an unfinished run, the outbox says pending.
        post("runs/update", Map.of("run_id", runId, "status", "RUNNING"));
        TenantScope.runAsPlatform(() -> dsl.update(TRACKING_OUTBOX).set(TRACKING_OUTBOX.STATUS, OutboxStatus.PENDING)
                .where(TRACKING_OUTBOX.ID.eq(child)).execute());

        drain();

        assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), child.toString())).containsExactly(runId);
        JsonNode run = runOf(child);
        assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
        assertThat(history(run, "loss")).hasSize(3);
        assertThat(run.path("inputs").path("dataset_inputs").size()).isEqualTo(1);
        assertThat(artifactList(run, "model")).containsExactly("model/model.bin");
    }

    @Test
    void aVersionIsRegisteredFromARunArtefactAndAliasesAndTagsMovePerTenant() throws Exception {
        ProjectRef project = newProject("acme-pm", "REGA");
        UUID first = record(RunRecord.named("v1").artifact(storeFile("a.bin", "first"), "model/model.bin").build(), project);
        UUID second = record(RunRecord.named("v2").artifact(storeFile("b.bin", "second"), "model/model.bin").build(), project);
        UUID one = actors().as("acme-member", () -> registry.registerVersion(project.id(), first, "model", "churn", Map.of("trainer", "cart")));
        UUID two = actors().as("acme-member", () -> registry.registerVersion(project.id(), second, "model", "churn", Map.of()));
        drain();
        drain();

        String v1 = actors().as("acme-member", () -> registry.registeredVersion(project.id(), one)).orElseThrow();
        String v2 = actors().as("acme-member", () -> registry.registeredVersion(project.id(), two)).orElseThrow();
        assertThat(List.of(v1, v2)).containsExactly("1", "2");
        actors().as("acme-member", () -> {
            registry.setAlias(project.id(), "churn", "champion", v1);
            return null;
        });
        ModelVersion champion = actors().as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion")).orElseThrow();
        assertThat(champion.modelName()).isEqualTo("churn");
        assertThat(champion.version()).isEqualTo("1");
        assertThat(champion.runId()).isEqualTo(mlflowId(first));
        assertThat(champion.tags()).containsEntry("trainer", "cart");
        assertThat(champion.aliases()).containsExactly("champion");

        actors().as("acme-member", () -> {
            registry.setAlias(project.id(), "churn", "champion", v2);
            registry.setVersionTag(project.id(), "churn", v2, "validation_status", "approved");
            return null;
        });
        ModelVersion moved = actors().as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion")).orElseThrow();
        assertThat(moved.version()).isEqualTo("2");
        assertThat(moved.tags()).containsEntry("validation_status", "approved");

        // Globex has its own "churn" namespace: Acme's model is neither visible nor changeable.
        ProjectRef globexProject = newProject("globex-pm", "REGG");
        assertThat(actors().as("globex-pm", () -> registry.versionByAlias(globexProject.id(), "churn", "champion"))).isEmpty();
        assertThatThrownBy(() -> actors().as("globex-pm", () -> {
            registry.setAlias(globexProject.id(), "churn", "champion", "1");
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-pm", () -> registry.versionByAlias(project.id(), "churn", "champion")))
                .as("Acme's project id typed in by Globex").isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion"))).isPresent();

        actors().as("acme-member", () -> {
            registry.deleteAlias(project.id(), "churn", "champion");
            return null;
        });
        assertThat(actors().as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion"))).isEmpty();
    }

    @Test
    void aResentRegistrationLeavesOneVersion() throws Exception {
        ProjectRef project = newProject("acme-pm", "REGR");
        UUID run = record(RunRecord.named("v").artifact(storeFile("c.bin", "third"), "model/model.bin").build(), project);
        UUID registration = actors().as("acme-member", () -> registry.registerVersion(project.id(), run, "model", "resent", Map.of()));
        drain();
        TenantScope.runAsPlatform(() -> dsl.update(TRACKING_OUTBOX).set(TRACKING_OUTBOX.STATUS, OutboxStatus.PENDING)
                .where(TRACKING_OUTBOX.ID.eq(registration)).execute());
        drain();

        JsonNode versions = get("model-versions/search", Map.of("filter", "run_id = '" + mlflowId(run) + "'")).path("model_versions");
        assertThat(versions.size()).isEqualTo(1);
        assertThat(actors().as("acme-member", () -> registry.registeredVersion(project.id(), registration))).contains("1");
    }

    @Test
    void whileMlflowIsDownARunItsChildAndARegistrationWaitAndArriveOnceWhenItReturns() throws Exception {
        ProjectRef project = newProject("acme-pm", "DWN2");
        drain();
        MLFLOW.stop();
        try {
            UUID parent = record(RunRecord.named("sweep while down").build(), project);
            UUID child = record(childRun(parent, storeFile("d.bin", "down")), project);
            UUID registration = actors().as("acme-member", () -> registry.registerVersion(project.id(), child, "model", "down", Map.of()));
            assertThat(sender.sendDue()).isZero();
            assertThatThrownBy(() -> actors().as("acme-member", () -> registry.versionByAlias(project.id(), "down", "champion")))
                    .isInstanceOf(dev.cairn.api.tracking.TrackingUnavailable.class).hasMessageContaining(MLFLOW.uri());
            MLFLOW.restart();
            drain();
            drain();
            drain();
            for (UUID record : List.of(parent, child)) {
                assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), record.toString())).containsExactly(mlflowId(record));
            }
            assertThat(actors().as("acme-member", () -> registry.registeredVersion(project.id(), registration))).contains("1");
        } finally {
            if (!MLFLOW.isRunning()) {
                MLFLOW.restart();
            }
        }
    }

    @Test
    void aRecordMlflowRefusesWaitsWithTheReasonWhileTheRecordsAfterItAreDelivered() throws Exception {
        ProjectRef project = newProject("acme-pm", "REFU");
        // Queued past validation (an older Cairn, a changed MLflow rule): a parameter name MLflow refuses.
        UUID refused = actors().as("acme-member", () -> {
            var record = tenantDb.newRecord(TRACKING_OUTBOX);
            record.setId(UUID.randomUUID());
            record.setProjectId(project.id());
            record.setKind(OutboxKind.LOG_RUN.name());
            record.setPayload(payloads.run(new OutboxPayloads.RunPayload("acme-member",
                    RunRecord.named("bad key").param("notes;drop", "x").build())));
            record.setStatus(OutboxStatus.PENDING);
            record.setAttempts(0);
            var earlier = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1);
            record.setCreatedAt(earlier);
            record.setNextAttemptAt(earlier);
            tenantDb.insert(record);
            return record.getId();
        });
        UUID fine = record(RunRecord.named("fine").metric("accuracy", 0.8).build(), project);

        drain();

        assertThat(TaggedRuns.ids(MLFLOW.uri(), experimentId(project), fine.toString())).containsExactly(mlflowId(fine));
        var waiting = TenantScope.callAsPlatform(() -> dsl.selectFrom(TRACKING_OUTBOX).where(TRACKING_OUTBOX.ID.eq(refused)).fetchSingle());
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.getLastError()).contains("HTTP 400");
    }

    private static RunRecord childRun(UUID parent, UUID modelFile) {
        return RunRecord.named("trial 1").childOf(parent).param("depth", "3").metric("accuracy", 0.88).tag("kind", "trial")
                .metric("loss", 0.9, 0, T0).metric("loss", 0.6, 1, T0.plusSeconds(1)).metric("loss", 0.4, 2, T0.plusSeconds(2))
                .input(new DatasetInput("churn v3", SHA256, "cairn:dataset-version/3", Context.TRAINING))
                .artifact(modelFile, "model/model.bin").build();
    }

    private ProjectRef newProject(String pm, String key) {
        ProjectRef project = actors().as(pm, () -> projects.create("Project " + key, key, "rich runs"));
        drain();
        return project;
    }

    private UUID record(RunRecord run, ProjectRef project) {
        return actors().as("acme-member", () -> tracking.recordRun(project.id(), run));
    }

    private UUID storeFile(String name, String content) {
        return actors().as("acme-member", () -> files.store(NewFile.named(name),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).file().id());
    }

    private void drain() {
        sender.retryNow();
        sender.sendDue();
    }

    private String mlflowId(UUID record) {
        String id = TenantScope.callAsPlatform(() -> dsl.select(TRACKING_OUTBOX.MLFLOW_ID).from(TRACKING_OUTBOX)
                .where(TRACKING_OUTBOX.ID.eq(record)).and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.SENT)).fetchOptional().map(r -> r.value1()).orElse(null));
        assertThat(id).as("record %s delivered", record).isNotNull();
        return id;
    }

    private String experimentId(ProjectRef project) {
        return TenantScope.callAsPlatform(() -> dsl.select(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID).from(TRACKING_EXPERIMENT)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
    }

    private JsonNode runOf(UUID record) throws Exception {
        return get("runs/get", Map.of("run_id", mlflowId(record))).path("run");
    }

    /** step:value@timestamp of each point of the metric's history, in step order. */
    private static List<String> history(JsonNode run, String key) throws Exception {
        JsonNode metrics = get("metrics/get-history", Map.of("run_id", run.path("info").path("run_id").asString(), "metric_key", key))
                .path("metrics");
        List<String> points = new ArrayList<>();
        metrics.forEach(m -> points.add(m.path("step").asLong() + ":" + m.path("value").asDouble() + "@" + m.path("timestamp").asLong()));
        points.sort(null);
        return points;
    }

    private static String artifact(JsonNode run, String path) throws Exception {
        String root = run.path("info").path("artifact_uri").asString().replaceFirst("^mlflow-artifacts:/+", "");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(MLFLOW.uri()
                + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/" + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> artifactList(JsonNode run, String folder) throws Exception {
        JsonNode listed = get("artifacts/list", Map.of("run_id", run.path("info").path("run_id").asString(), "path", folder));
        List<String> paths = new ArrayList<>();
        listed.path("files").forEach(file -> paths.add(file.path("path").asString()));
        return paths;
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> map = new HashMap<>();
        tags.forEach(tag -> map.put(tag.path("key").asString(), tag.path("value").asString()));
        return map;
    }

    private static JsonNode get(String path, Map<String, String> query) throws Exception {
        StringBuilder uri = new StringBuilder(MLFLOW.uri() + "/api/2.0/mlflow/" + path + "?");
        query.forEach((key, value) -> uri.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri.toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(MLFLOW.uri() + "/api/2.0/mlflow/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
