package dev.cairn.app.tracking.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow_project.apachehttp.client.methods.CloseableHttpResponse;
import org.mlflow_project.apachehttp.client.methods.HttpEntityEnclosingRequestBase;
import org.mlflow_project.apachehttp.client.methods.HttpGet;
import org.mlflow_project.apachehttp.client.methods.HttpPost;
import org.mlflow_project.apachehttp.client.methods.HttpPut;
import org.mlflow_project.apachehttp.client.methods.HttpRequestBase;
import org.mlflow_project.apachehttp.entity.ContentType;
import org.mlflow_project.apachehttp.entity.InputStreamEntity;
import org.mlflow_project.apachehttp.entity.StringEntity;
import org.mlflow_project.apachehttp.impl.client.CloseableHttpClient;
import org.mlflow_project.apachehttp.util.EntityUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST calls mlflow-client 2.17.2 lacks (registry writes, dataset inputs, the artefact proxy,
 * DELETE), sent through the gateway's one HTTP client, so they carry the same timeouts, credentials
 * and workspace header ({@link MlflowRequestHeaders}). Bodies are built by Jackson from maps, never
 * by string concatenation. GETs are not retried here: a 404 is an answer ("no such alias"), not a
 * reason to ask again (the Java client retries it). Any other non-2xx answer is thrown as
 * {@link MlflowHttpException}, which the gateway reports as {@link TrackingUnavailableException}.
 */
final class MlflowRest {

    static final String API = "/api/2.0/mlflow/";
    static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String trackingUri;
    private final CloseableHttpClient http;

    MlflowRest(String trackingUri, CloseableHttpClient http) {
        this.trackingUri = trackingUri;
        this.http = http;
    }

    JsonNode post(String path, Map<String, ?> body) {
        HttpPost post = new HttpPost(trackingUri + API + path);
        post.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        return JSON.readTree(ok(send(post)).body());
    }

    /**
     * The answer to a GET, or empty when MLflow says the resource does not exist: a 404, or (for a
     * missing alias of an existing model, in MLflow 3.17) a 400 whose message ends in "not found."
     */
    Optional<JsonNode> getIfFound(String path, Map<String, String> query) {
        Response response = send(new HttpGet(trackingUri + API + path + queryString(query)));
        if (response.status() == 404 || response.body().contains("RESOURCE_DOES_NOT_EXIST")
                || (response.status() == 400 && response.body().contains(" not found."))) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(ok(response).body()));
    }

    JsonNode get(String path, Map<String, String> query) {
        return JSON.readTree(ok(send(new HttpGet(trackingUri + API + path + queryString(query)))).body());
    }

    /** Deletes (MLflow reads a DELETE's parameters from its JSON body); a resource already gone counts as deleted. */
    void delete(String path, Map<String, ?> body) {
        JsonDelete delete = new JsonDelete(trackingUri + API + path);
        delete.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        Response response = send(delete);
        if (response.status() != 404 && !response.body().contains("RESOURCE_DOES_NOT_EXIST")) {
            ok(response);
        }
    }

    /**
     * Streams content to the artefact proxy at {@code relativePath} (below the server's artefact
     * root); an existing file there is replaced, so uploading again leaves one copy.
     */
    void upload(String relativePath, InputStream content, long length) {
        HttpPut put = new HttpPut(trackingUri + ARTIFACTS + encodePath(relativePath));
        put.setEntity(new InputStreamEntity(content, length, ContentType.APPLICATION_OCTET_STREAM));
        ok(send(put));
    }

    /** Each segment percent-encoded (spaces as %20), the slashes kept. */
    static String encodePath(String path) {
        StringJoiner joined = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            joined.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return joined.toString();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((key, value) -> joined.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private Response send(HttpRequestBase request) {
        try (CloseableHttpResponse response = http.execute(request)) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Response(response.getStatusLine().getStatusCode(), response.getStatusLine().getReasonPhrase(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getURI().getPath() + ": " + e.getMessage(), e);
        }
    }

    private static Response ok(Response response) {
        if (response.status() / 100 != 2) {
            throw new MlflowHttpException(response.status(), response.reason(), response.body());
        }
        return response;
    }

    private record Response(int status, String reason, String body) {
    }

    /** A DELETE with a body, which Apache HttpClient 4's HttpDelete cannot carry. */
    private static final class JsonDelete extends HttpEntityEnclosingRequestBase {
        JsonDelete(String uri) {
            setURI(java.net.URI.create(uri));
        }

        @Override
        public String getMethod() {
            return "DELETE";
        }
    }
}
