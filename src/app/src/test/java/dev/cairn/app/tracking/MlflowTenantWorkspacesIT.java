package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TRACKING_EXPERIMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.api.tracking.TrackingStatus;
import dev.cairn.api.tracking.TrackingStatus.State;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import dev.cairn.app.tracking.mlflow.MlflowServer.Feature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * Cairn end to end against a real MLflow server with basic-auth and workspaces (SECURITY.md item
 * 7): the outbox signs in as the service account and delivers each tenant's experiments and runs
 * into that tenant's own workspace; Acme's are not found from Globex's; the demo's MLflow links
 * open the tenant's own workspace.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:tenant-workspaces;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.send-interval=1h", "cairn.mlflow.timeout=5s", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class MlflowTenantWorkspacesIT {

    private static final MlflowServer MLFLOW = MlflowServer.start(
            Path.of("target", "it-mlflow", "tenant-workspaces-" + UUID.randomUUID()), Feature.BASIC_AUTH, Feature.WORKSPACES);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void mlflow(DynamicPropertyRegistry registry) {
        registry.add("cairn.mlflow.tracking-uri", MLFLOW::uri);
        registry.add("cairn.mlflow.username", () -> MLFLOW.serviceAccount().username());
        registry.add("cairn.mlflow.password", () -> MLFLOW.serviceAccount().password());
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
    ModelRegistryService registry;
    @Autowired
    dev.cairn.api.files.FileStore files;

    @Test
    void aRunCarriesItsUsersNameNotTheServiceAccountsAndItsArtefactAndLinkAreInTheTenantsWorkspace() throws Exception {
        Actors actors = new Actors(dsl);
        UUID acme = actors.principal("acme-pm").tenantId();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Workspace user", "WSU", "workspace test"));
        drain();
        UUID file = storedFile(actors, "weights");
        UUID run = actors.as("acme-member", () -> tracking.recordRun(project.id(),
                RunRecord.named("user run").artifact(file, "model/model.bin").build()));
        drain();

        String workspace = ExperimentNames.workspaceOf(acme);
        JsonNode found = runs(workspace, mlflowExperimentId(project)).get(0);
        Map<String, String> tags = new java.util.HashMap<>();
        found.path("data").path("tags").forEach(tag -> tags.put(tag.path("key").asString(), tag.path("value").asString()));
        assertThat(tags).containsEntry("mlflow.user", "acme-member").containsEntry("cairn.tenant", acme.toString());
        assertThat(tags.get("mlflow.user")).isNotEqualTo(MLFLOW.serviceAccount().username());
        String runId = found.path("info").path("run_id").asString();
        JsonNode listed = getAsAdmin(workspace, "artifacts/list?run_id=" + runId + "&path=model");
        assertThat(listed.path("files").get(0).path("path").asString()).isEqualTo("model/model.bin");
        assertThat(actors.as("acme-viewer", () -> tracking.runUrl(project.id(), run))).contains(MLFLOW.uri() + "/#/experiments/"
                + mlflowExperimentId(project) + "/runs/" + runId + "?workspace=" + workspace);
    }

    @Test
    void aTenantsRegisteredModelKeepsItsReadableNameInItsWorkspaceAndIsOutOfAnotherTenantsReach() throws Exception {
        Actors actors = new Actors(dsl);
        UUID acme = actors.principal("acme-pm").tenantId();
        UUID globex = actors.principal("globex-pm").tenantId();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Workspace models", "WSM", "workspace test"));
        ProjectRef globexProject = actors.as("globex-pm", () -> projects.create("Workspace models G", "WSMG", "workspace test"));
        drain();
        UUID file = storedFile(actors, "model v1");
        UUID run = actors.as("acme-member", () -> tracking.recordRun(project.id(),
                RunRecord.named("to register").artifact(file, "model/model.bin").build()));
        UUID registration = actors.as("acme-member", () -> registry.registerVersion(project.id(), run, "model", "churn", Map.of()));
        drain();
        drain();
        String version = actors.as("acme-member", () -> registry.registeredVersion(project.id(), registration)).orElseThrow();
        actors.as("acme-member", () -> {
            registry.setAlias(project.id(), "churn", "champion", version);
            return null;
        });

        assertThat(getAsAdmin(ExperimentNames.workspaceOf(acme), "registered-models/get?name=churn")
                .path("registered_model").path("name").asString()).isEqualTo("churn");
        assertThat(send(ExperimentNames.workspaceOf(globex), HttpRequest.newBuilder(api("registered-models/get?name=churn")).GET())
                .statusCode()).isEqualTo(404);
        assertThat(actors.as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion")))
                .hasValueSatisfying(found -> assertThat(found.version()).isEqualTo(version));
        assertThat(actors.as("globex-pm", () -> registry.versionByAlias(globexProject.id(), "churn", "champion"))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actors.as("globex-pm", () -> {
            registry.setAlias(globexProject.id(), "churn", "champion", version);
            return null;
        })).isInstanceOf(dev.cairn.api.tenancy.NotFoundException.class);
        assertThat(actors.as("acme-member", () -> registry.versionByAlias(project.id(), "churn", "champion"))).isPresent();
    }

    private UUID storedFile(Actors actors, String content) {
        return actors.as("acme-member", () -> files.store(dev.cairn.api.files.NewFile.named("model.bin"),
                new java.io.ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8))).file().id());
    }

    @Test
    void eachTenantsExperimentAndRunsLandInItsOwnWorkspaceOnly() throws Exception {
        Actors actors = new Actors(dsl);
        UUID acme = actors.principal("acme-pm").tenantId();
        UUID globex = actors.principal("globex-pm").tenantId();
        ProjectRef acmeProject = actors.as("acme-pm", () -> projects.create("Workspace A", "WSA", "workspace test"));
        ProjectRef globexProject = actors.as("globex-pm", () -> projects.create("Workspace G", "WSG", "workspace test"));
        drain();
        actors.as("acme-member", () -> tracking.recordRun(acmeProject.id(),
                new RunRecord("acme run", Map.of("secret", "acme-only"), Map.of("accuracy", 0.9), Map.of())));
        drain();

        String acmeExperiment = mlflowExperimentId(acmeProject);
        String globexExperiment = mlflowExperimentId(globexProject);
        String acmeWorkspace = ExperimentNames.workspaceOf(acme);
        String globexWorkspace = ExperimentNames.workspaceOf(globex);

        JsonNode inAcme = getAsAdmin(acmeWorkspace, "experiments/get?experiment_id=" + acmeExperiment);
        assertThat(inAcme.path("experiment").path("workspace").asString()).isEqualTo(acmeWorkspace);
        assertThat(inAcme.path("experiment").path("name").asString()).as("readable in the tenant's own workspace")
                .isEqualTo("WSA Workspace A");
        assertThat(runs(acmeWorkspace, acmeExperiment).size()).isEqualTo(1);
        assertThat(readStatus(acmeWorkspace, globexExperiment)).isEqualTo(404);
        assertThat(readStatus(globexWorkspace, acmeExperiment)).isEqualTo(404);
        assertThat(readStatus("default", acmeExperiment)).isEqualTo(404);
        assertThat(getAsAdmin(globexWorkspace, "experiments/get?experiment_id=" + globexExperiment)
                .path("experiment").path("workspace").asString()).isEqualTo(globexWorkspace);
    }

    @Test
    void theDemosLinksOpenTheTenantsOwnWorkspace() {
        Actors actors = new Actors(dsl);
        UUID acme = actors.principal("acme-pm").tenantId();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Linked", "LINK", "link test"));
        drain();

        TrackingStatus status = actors.as("acme-viewer", () -> tracking.status(project.id()));

        assertThat(status.state()).isEqualTo(State.IN_SYNC);
        assertThat(status.experimentUrl()).contains(MLFLOW.uri() + "/#/experiments/" + mlflowExperimentId(project)
                + "?workspace=" + ExperimentNames.workspaceOf(acme));
    }

    private void drain() {
        sender.retryNow();
        sender.sendDue();
    }

    private String mlflowExperimentId(ProjectRef project) {
        String id = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID).from(TRACKING_EXPERIMENT)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(project.id())).fetchSingle().value1());
        assertThat(id).as("experiment of %s delivered", project.key()).isNotNull();
        return id;
    }

    /** The HTTP status of reading that experiment from that workspace, as MLflow's admin. */
    private static int readStatus(String workspace, String experimentId) throws Exception {
        return send(workspace, HttpRequest.newBuilder(api("experiments/get?experiment_id=" + experimentId)).GET()).statusCode();
    }

    private static JsonNode getAsAdmin(String workspace, String path) throws Exception {
        HttpResponse<String> response = send(workspace, HttpRequest.newBuilder(api(path)).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode runs(String workspace, String experimentId) throws Exception {
        HttpResponse<String> response = send(workspace, HttpRequest.newBuilder(api("runs/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("experiment_ids", List.of(experimentId), "run_view_type", "ALL")))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("runs");
    }

    private static HttpResponse<String> send(String workspace, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", MLFLOW.admin().basicAuthorization())
                .header("X-MLFLOW-WORKSPACE", workspace).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI api(String path) {
        return URI.create(MLFLOW.uri() + "/api/2.0/mlflow/" + path);
    }
}
