package dev.cairn.plugin.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.api.ApiTokenScope;
import dev.cairn.app.api.ApiTokenService;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DataApiIntegrationTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.statistics.StoredProfiles;
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

/**
 * The validation endpoints with real API tokens over HTTP (H2 and PostgreSQL): a pipeline's data.validate token
 * validates its upload against the approved schema in TRAINING by default and reads the report as JSON; 404 with a
 * message for a version never validated; 409 when no schema version is approved and none is named; 403 without the
 * permission; 404 for another tenant's project key.
 */
@DataApiIntegrationTest
class ValidationApiIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    StoredProfiles profiles;
    @Autowired
    DatasetSchemas schemas;
    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private ValidationWorld world() {
        return ValidationWorld.create(new ValidationWorld.Services(actors(), projects, datasets, versions, profiles, schemas), "VA");
    }

    private String token(String username, List<String> permissions) {
        return actors().as(username, () -> tokens.create(new TokenRequest("it-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(ZoneOffset.UTC).plusDays(7), ApiTokenScope.ofPermissions(permissions)))).secret();
    }

    private URI uri(String key, int version, String query) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/projects/" + key + "/datasets/customers/versions/" + version + "/validation"
                + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpResponse<String> get(String token, String key, int version) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(key, version, "")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String key, int version, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(key, version, query)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPipelineValidatesItsUploadAgainstTheApprovedSchemaAndReadsTheReport() throws Exception {
        ValidationWorld w = world();
        actors().as("acme-pm", () -> schemas.approve(w.project().id(), w.dataset(), 1));
        String pipeline = token("acme-member", List.of("data.validate", "data.read"));

        HttpResponse<String> made = post(pipeline, w.project().key(), 2, "");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).contains("\"dataset\":\"customers\"", "\"version\":2", "\"schemaVersion\":1", "\"schemaStatus\":\"APPROVED\"",
                "\"environment\":\"TRAINING\"", "\"verdict\":\"FAILED\"", "\"passed\":false", "\"errors\":1", "\"warnings\":0",
                "\"validatedBy\":\"acme-member\"", "\"severity\":\"ERROR\"", "\"type\":\"UNEXPECTED_CATEGORY\"",
                "\"tfdvType\":\"ENUM_TYPE_UNEXPECTED_STRING_VALUES\"", "\"feature\":\"plan\"",
                "\"description\":\"plan has 1 value not in its domain, in 2 rows: 'enterprise' (2).\"",
                "\"fix\":\"Add 'enterprise' to the domain of plan\"");

        HttpResponse<String> read = get(token("acme-viewer", List.of("data.read")), w.project().key(), 2);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(made.body());

        HttpResponse<String> serving = post(pipeline, w.project().key(), 1, "environment=serving");
        assertThat(serving.statusCode()).as(serving.body()).isEqualTo(201);
        assertThat(serving.body()).contains("\"environment\":\"SERVING\"", "\"verdict\":\"PASSED\"", "\"passed\":true", "\"anomalies\":[]");
    }

    @Test
    void aVersionNeverValidatedIsNotFoundWithAMessage() throws Exception {
        ValidationWorld w = world();

        HttpResponse<String> answer = get(token("acme-viewer", List.of("data.read")), w.project().key(), 1);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Version 1 of customers was never validated: POST to this path to validate it.");
        assertThat(get(token("acme-viewer", List.of("data.read")), w.project().key(), 9).statusCode()).as("no version 9").isEqualTo(404);
    }

    @Test
    void withoutAnApprovedSchemaThePipelineNamesTheSchemaVersion() throws Exception {
        ValidationWorld w = world();
        String pipeline = token("acme-member", List.of("data.validate", "data.read"));

        HttpResponse<String> refused = post(pipeline, w.project().key(), 2, "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Dataset customers has no approved schema version to validate against: approve one on its schema"
                + " page, or name schemaVersion.");

        HttpResponse<String> named = post(pipeline, w.project().key(), 2, "schemaVersion=1");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(named.body()).contains("\"schemaStatus\":\"DRAFT\"");
    }

    @Test
    void aReadOnlyTokenMayNotValidateAndAnotherTenantsProjectIsNotFound() throws Exception {
        ValidationWorld w = world();
        actors().as("acme-pm", () -> schemas.approve(w.project().id(), w.dataset(), 1));

        assertThat(post(token("acme-member", List.of("data.read")), w.project().key(), 2, "").statusCode()).isEqualTo(403);

        String globex = token("globex-admin", List.of("data.read", "data.validate"));
        assertThat(post(globex, w.project().key(), 2, "").statusCode()).isEqualTo(404);
        assertThat(get(globex, w.project().key(), 2).statusCode()).isEqualTo(404);
        assertThat(get(token("acme-viewer", List.of("data.read")), w.project().key(), 2).statusCode()).as("nothing was stored").isEqualTo(404);
    }
}
