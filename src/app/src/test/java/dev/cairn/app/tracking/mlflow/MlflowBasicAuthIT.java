package dev.cairn.app.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.tracking.mlflow.MlflowServer.Account;
import dev.cairn.app.tracking.mlflow.MlflowServer.Feature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against a real MLflow server started with its basic-auth app (SECURITY.md item 7):
 * Cairn's service account (not an MLflow admin, random password) signs every request; without
 * credentials, or with a wrong password, nothing is written.
 */
class MlflowBasicAuthIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private static MlflowServer server;
    private static MlflowGateway gateway;

    @BeforeAll
    static void startServer() {
        server = MlflowServer.start(Path.of("target", "it-mlflow", "basic-auth-" + UUID.randomUUID()), Feature.BASIC_AUTH);
        gateway = new MlflowGateway(server.uri(), TIMEOUT, credentials(server.serviceAccount()), MlflowWorkspaceResolver.NONE);
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
    void theServerTurnsAwayAnonymousRequests() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.uri() + "/api/2.0/mlflow/experiments/search?max_results=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theServiceAccountCreatesExperimentsAndRunsReadBackByTheAdmin() throws Exception {
        String name = "auth-" + UUID.randomUUID();
        String experimentId = gateway.ensureExperiment(name, Map.of("cairn.tenant", "acme"));
        String runId = gateway.deliverRun(experimentId, UUID.randomUUID().toString(),
                new RunRecord("signed", Map.of("p", "1"), Map.of("m", 0.5), Map.of("t", "x")));

        JsonNode run = getAsAdmin("runs/get?run_id=" + runId).path("run");
        assertThat(run.path("info").path("experiment_id").asString()).isEqualTo(experimentId);
        assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
        assertThat(gateway.findExperimentId(name)).contains(experimentId);
        assertThat(gateway.isReachable()).isTrue();
        assertThat(gateway.workspacesEnabledIfKnown()).contains(false);
    }

    @Test
    void withoutCredentialsNothingIsWrittenAndTheErrorSaysWhy() throws Exception {
        String name = "anonymous-" + UUID.randomUUID();
        try (MlflowGateway anonymous = new MlflowGateway(server.uri(), TIMEOUT)) {
            assertThat(anonymous.isReachable()).isFalse();
            assertThatThrownBy(() -> anonymous.ensureExperiment(name, Map.of()))
                    .isInstanceOf(TrackingUnavailableException.class)
                    .hasMessageContaining("HTTP 401");
        }
        assertThat(gateway.findExperimentId(name)).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedLikeNone() {
        String name = "wrong-" + UUID.randomUUID();
        MlflowCredentials wrong = new MlflowCredentials(MlflowServer.SERVICE_ACCOUNT, server.serviceAccount().password() + "x");
        try (MlflowGateway impostor = new MlflowGateway(server.uri(), TIMEOUT, wrong, MlflowWorkspaceResolver.NONE)) {
            assertThat(impostor.isReachable()).isFalse();
            assertThatThrownBy(() -> impostor.ensureExperiment(name, Map.of()))
                    .isInstanceOf(TrackingUnavailableException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining(wrong.password());
        }
        assertThat(gateway.findExperimentId(name)).isEmpty();
        assertThat(wrong.toString()).doesNotContain(wrong.password());
    }

    private static MlflowCredentials credentials(Account account) {
        return new MlflowCredentials(account.username(), account.password());
    }

    private static JsonNode getAsAdmin(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/" + path))
                .header("Authorization", server.admin().basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static Map<String, String> keyValues(JsonNode entries) {
        Map<String, String> result = new HashMap<>();
        entries.forEach(entry -> result.put(entry.path("key").asString(), entry.path("value").asString()));
        return result;
    }
}
