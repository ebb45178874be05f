package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.api.ApiTokenScope;
import dev.cairn.app.api.ApiTokenService;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GET /api/v1/projects/{key}/datasets/{name}/drift with real API tokens over HTTP, on H2 and
 * PostgreSQL: the report as JSON, the previous and the newest version by default, 409 for a
 * deleted version, 404 for an unknown one and for another tenant's project, 403 without data.read.
 */
@DataApiIntegrationTest
class DatasetDriftApiIT {

    @LocalServerPort
    int port;
    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles profiles;
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private String token(String username, List<String> permissions) {
        return actors().as(username, () -> tokens.create(new TokenRequest("it-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(ZoneOffset.UTC).plusDays(7), ApiTokenScope.ofPermissions(permissions)))).secret();
    }

    private World twoVersions() {
        World world = World.withDataset(actors(), projects, datasets, "DDA", "subscribers", "");
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(0, false));
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(5, true));
        return world;
    }

    private HttpResponse<String> get(String token, String key, String query) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/projects/" + key + "/datasets/subscribers/drift"
                + (query.isEmpty() ? "" : "?" + query));
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReportAsJsonWithEveryMethodsRawValue() throws Exception {
        World world = twoVersions();
        String token = token("acme-viewer", List.of("data.read"));

        HttpResponse<String> response = get(token, world.project().key(), "reference=1&current=2");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("reference").asInt()).isEqualTo(1);
        assertThat(report.get("current").asInt()).isEqualTo(2);
        assertThat(report.get("compared").asInt()).isEqualTo(2);
        assertThat(report.get("datasetDrifted").asBoolean()).isTrue();
        JsonNode amount = report.get("features").get(0);
        assertThat(amount.get("feature").asString()).isEqualTo("amount");
        assertThat(amount.get("method").asString()).isEqualTo("KOLMOGOROV_SMIRNOV");
        assertThat(amount.get("why").asString()).contains("at most 1,000 values");
        assertThat(amount.get("drifted").asBoolean()).isTrue();
        assertThat(amount.get("measurements")).extracting(m -> m.get("method").asString())
                .contains("KOLMOGOROV_SMIRNOV", "WASSERSTEIN_NORMED", "PSI");
        assertThat(amount.get("histogram").size()).isGreaterThan(1);
        JsonNode region = report.get("features").get(2);
        assertThat(region.get("compared").asBoolean()).isFalse();
        assertThat(region.get("notCompared").asString()).isEqualTo("not in the reference");

        HttpResponse<String> defaults = get(token, world.project().key(), "");
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(json.readTree(defaults.body()).get("reference").asInt()).as("the previous version").isEqualTo(1);
    }

    @Test
    void aDeletedVersionIs409AnUnknownOne404AndReadingNeedsDataRead() throws Exception {
        World world = twoVersions();
        String token = token("acme-member", List.of("data.read"));
        assertThat(get(token, world.project().key(), "reference=2&current=9").statusCode()).isEqualTo(404);
        assertThat(get(token("acme-member", List.of("data.upload")), world.project().key(), "").statusCode()).isEqualTo(403);
        UUID first = actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset())).getLast().getId();
        actors().as("acme-pm", () -> versions.delete(world.project().id(), first, "privacy request 11"));

        HttpResponse<String> deleted = get(token, world.project().key(), "reference=1&current=2");
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(deleted.body()).contains("Version 1 of subscribers was deleted").contains("privacy request 11");
        HttpResponse<String> single = get(token, world.project().key(), "");
        assertThat(single.statusCode()).isEqualTo(409);
        assertThat(single.body()).contains("upload a second version to compare");
    }

    @Test
    void anotherTenantsProjectIsNotFound() throws Exception {
        World acme = twoVersions();
        assertThat(get(token("acme-viewer", List.of("data.read")), acme.project().key(), "").statusCode())
                .as("the oracle: Acme sees it").isEqualTo(200);
        assertThat(get(token("globex-member", List.of("data.read")), acme.project().key(), "reference=1&current=2")
                .statusCode()).isEqualTo(404);
    }
}
