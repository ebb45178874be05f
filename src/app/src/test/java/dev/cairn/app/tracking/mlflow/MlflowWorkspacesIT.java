package dev.cairn.app.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.tracking.mlflow.MlflowServer.Feature;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MLflow workspace per tenant (SECURITY.md item 7), against a real MLflow server with
 * basic-auth and {@code --enable-workspaces}: what one tenant's gateway calls create is invisible
 * from another tenant's workspace, and with no workspace in scope nothing is sent at all.
 */
class MlflowWorkspacesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final String ACME = "cairn-acme-" + shortId();
    private static final String GLOBEX = "cairn-globex-" + shortId();
    /** Stands in for the tenant scope: the workspace of the work on this thread. */
    private static final ThreadLocal<String> WORKSPACE = new ThreadLocal<>();

    private static MlflowServer server;
    private static MlflowGateway gateway;

    @BeforeAll
    static void startServer() {
        server = MlflowServer.start(Path.of("target", "it-mlflow", "workspaces-" + UUID.randomUUID()),
                Feature.BASIC_AUTH, Feature.WORKSPACES);
        gateway = newGateway();
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
    void theServerIsFoundToHaveWorkspacesByACheckThatNeedsNoTenant() {
        try (MlflowGateway fresh = newGateway()) {
            assertThat(fresh.workspacesEnabledIfKnown()).isEmpty();
            assertThat(fresh.isReachable()).isTrue(); // outside any workspace, as the outbox asks
            assertThat(fresh.workspacesEnabledIfKnown()).contains(true);
        }
    }

    @Test
    void acmesExperimentIsNotVisibleFromGlobexsWorkspace() throws Exception {
        String name = "cairn/shared-name-" + UUID.randomUUID() + "/CHURN";
        String acmeId = as(ACME, () -> gateway.ensureExperiment(name, Map.of("cairn.tenant", "acme")));
        as(ACME, () -> gateway.deliverRun(acmeId, UUID.randomUUID().toString(),
                new RunRecord("acme run", Map.of("secret", "acme-only"), Map.of("m", 1.0), Map.of())));

        assertThat(as(ACME, () -> gateway.findExperimentId(name))).contains(acmeId);
        assertThat(as(GLOBEX, () -> gateway.findExperimentId(name))).isEmpty();
        String globexId = as(GLOBEX, () -> gateway.ensureExperiment(name, Map.of("cairn.tenant", "globex")));
        assertThat(globexId).isNotEqualTo(acmeId);

        // Read back independently of the gateway, as MLflow's admin.
        assertThat(getAsAdmin(ACME, "experiments/get?experiment_id=" + acmeId).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(getAsAdmin(ACME, "experiments/get?experiment_id=" + acmeId).body())
                .path("experiment").path("workspace").asString()).isEqualTo(ACME);
        HttpResponse<String> fromGlobex = getAsAdmin(GLOBEX, "experiments/get?experiment_id=" + acmeId);
        assertThat(fromGlobex.statusCode()).isEqualTo(404);
        assertThat(fromGlobex.body()).doesNotContain("acme-only");
        JsonNode sameNameInGlobex = JSON.readTree(getAsAdmin(GLOBEX, "experiments/get-by-name?experiment_name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).body()).path("experiment");
        assertThat(sameNameInGlobex.path("experiment_id").asString()).isEqualTo(globexId);
        assertThat(sameNameInGlobex.path("workspace").asString()).isEqualTo(GLOBEX);
        assertThat(workspaces()).contains(ACME, GLOBEX);
    }

    @Test
    void globexCannotLogARunIntoAcmesExperimentByItsId() throws Exception {
        String acmeId = as(ACME, () -> gateway.ensureExperiment("cairn/target-" + UUID.randomUUID(), Map.of()));

        assertThatThrownBy(() -> as(GLOBEX, () -> gateway.deliverRun(acmeId, UUID.randomUUID().toString(),
                new RunRecord("intruder", Map.of(), Map.of("m", 9.0), Map.of()))))
                .isInstanceOf(TrackingUnavailableException.class);

        assertThat(runCount(ACME, acmeId)).isZero();
    }

    @Test
    void withNoWorkspaceInScopeNothingIsSentToTheSharedWorkspace() throws Exception {
        String name = "cairn/unscoped-" + UUID.randomUUID();

        assertThatThrownBy(() -> gateway.ensureExperiment(name, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TrackingUnavailableException.class)
                .hasMessageContaining("workspace");

        assertThat(getAsAdmin("default", "experiments/get-by-name?experiment_name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    }

    private static MlflowGateway newGateway() {
        MlflowServer.Account account = server.serviceAccount();
        return new MlflowGateway(server.uri(), TIMEOUT, new MlflowCredentials(account.username(), account.password()),
                WORKSPACE::get);
    }

    private static <T> T as(String workspace, Supplier<T> work) {
        WORKSPACE.set(workspace);
        try {
            return work.get();
        } finally {
            WORKSPACE.remove();
        }
    }

    private static int runCount(String workspace, String experimentId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/runs/search"))
                .header("Authorization", server.admin().basicAuthorization())
                .header("X-MLFLOW-WORKSPACE", workspace)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "experiment_ids", List.of(experimentId), "run_view_type", "ALL"))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("runs").size();
    }

    private static List<String> workspaces() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/3.0/mlflow/workspaces"))
                .header("Authorization", server.admin().basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).path("workspaces").forEach(ws -> names.add(ws.path("name").asString()));
        return names;
    }

    private static HttpResponse<String> getAsAdmin(String workspace, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/" + path))
                .header("Authorization", server.admin().basicAuthorization())
                .header("X-MLFLOW-WORKSPACE", workspace).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
