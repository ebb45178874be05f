package dev.cairn.app.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads MLflow's runs carrying one outbox id straight from its REST API, independently of the gateway. */
final class TaggedRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TaggedRuns() {
    }

    /** Ids of every run (active or deleted) in the experiment whose cairn.outbox_id tag is {@code outboxId}. */
    static List<String> ids(String mlflowUri, String experimentId, String outboxId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("experiment_ids", List.of(experimentId),
                "filter", "tags.\"cairn.outbox_id\" = '" + outboxId + "'", "run_view_type", "ALL", "max_results", 100));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(mlflowUri + "/api/2.0/mlflow/runs/search"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("runs/search answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode run : JSON.readTree(response.body()).path("runs")) {
            ids.add(run.path("info").path("run_id").asString());
        }
        return ids;
    }
}
