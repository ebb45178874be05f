package dev.cairn.app.tracking.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow_project.apachehttp.client.methods.CloseableHttpResponse;
import org.mlflow_project.apachehttp.client.methods.HttpGet;
import org.mlflow_project.apachehttp.client.methods.HttpPost;
import org.mlflow_project.apachehttp.client.methods.HttpRequestBase;
import org.mlflow_project.apachehttp.entity.ContentType;
import org.mlflow_project.apachehttp.entity.StringEntity;
import org.mlflow_project.apachehttp.impl.client.CloseableHttpClient;
import org.mlflow_project.apachehttp.util.EntityUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MLflow workspaces (MLflow 3.10+, {@code mlflow server --enable-workspaces}): whether the server
 * has them, asked once from its public {@code /api/3.0/mlflow/server-info}, and the workspaces this
 * gateway has made sure exist ({@code POST /api/3.0/mlflow/workspaces}; creating one needs an MLflow
 * admin). Until the server has answered, nothing is known and no request is workspace-scoped; the
 * gateway asks before its first request.
 */
final class MlflowWorkspaces {

    static final String SERVER_INFO_PATH = "/api/3.0/mlflow/server-info";
    static final String WORKSPACES_PATH = "/api/3.0/mlflow/workspaces";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String trackingUri;
    private final MlflowWorkspaceResolver resolver;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile Boolean enabled;
    private CloseableHttpClient http;

    MlflowWorkspaces(String trackingUri, MlflowWorkspaceResolver resolver) {
        this.trackingUri = trackingUri;
        this.resolver = resolver;
    }

    /** Set once by the gateway: the HTTP client that carries {@link MlflowRequestHeaders}. */
    void connect(CloseableHttpClient client) {
        this.http = client;
    }

    /** What is known without asking the server: empty until it has answered once. */
    Optional<Boolean> knownEnabled() {
        return Optional.ofNullable(enabled);
    }

    /** Whether the server has workspaces; asks it the first time (a network call that may fail). */
    boolean enabled() {
        Boolean answer = enabled;
        if (answer == null) {
            answer = askServer();
            enabled = answer;
        }
        return answer;
    }

    /** The workspace of the work in progress; throws (fail closed) when the resolver has none. */
    String current() {
        String workspace = resolver.currentWorkspace();
        if (workspace == null || workspace.isBlank()) {
            throw new IllegalStateException("No MLflow workspace for this request: refusing to use a shared workspace");
        }
        return workspace;
    }

    /** Creates the workspace unless this gateway already knows it exists. */
    void ensure(String workspace) {
        if (known.contains(workspace)) {
            return;
        }
        HttpPost create = new HttpPost(trackingUri + WORKSPACES_PATH);
        create.setEntity(new StringEntity(JSON.writeValueAsString(Map.of("name", workspace,
                "description", "Cairn tenant workspace")), ContentType.APPLICATION_JSON));
        Response response = send(create);
        if (response.status() / 100 != 2 && !response.body().contains("RESOURCE_ALREADY_EXISTS")) {
            throw response.failure();
        }
        known.add(workspace);
    }

    /** Lists workspaces (an authenticated call that needs no workspace); throws on failure. */
    void list() {
        Response response = send(new HttpGet(trackingUri + WORKSPACES_PATH));
        if (response.status() != 200) {
            throw response.failure();
        }
    }

    /** For {@link MlflowRequestHeaders}: the workspace a request to this path must name, or null. */
    String headerFor(String path) {
        if (!Boolean.TRUE.equals(enabled) || path.endsWith(SERVER_INFO_PATH) || path.contains(WORKSPACES_PATH)) {
            return null;
        }
        return current();
    }

    private boolean askServer() {
        Response response = send(new HttpGet(trackingUri + SERVER_INFO_PATH));
        if (response.status() == 404) {
            return false; // a server older than workspaces
        }
        if (response.status() != 200) {
            throw response.failure();
        }
        JsonNode info = JSON.readTree(response.body());
        return info.path("workspaces_enabled").asBoolean(false);
    }

    private Response send(HttpRequestBase request) {
        try (CloseableHttpResponse response = http.execute(request)) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Response(response.getStatusLine().getStatusCode(), response.getStatusLine().getReasonPhrase(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getURI().getPath() + ": " + e.getMessage(), e);
        }
    }

    private record Response(int status, String reason, String body) {
        MlflowHttpException failure() {
            return new MlflowHttpException(status, reason, body);
        }
    }
}
