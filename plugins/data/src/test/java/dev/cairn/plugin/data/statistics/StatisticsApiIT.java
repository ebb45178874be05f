package dev.cairn.plugin.data.statistics;

import dev.cairn.plugin.data.DataApiIntegrationTest;
import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.api.ApiTokenScope;
import dev.cairn.app.api.ApiTokenService;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statistics endpoint with real API tokens over HTTP, on H2 and PostgreSQL: a batch pushed by a
 * pipeline's token scoped to data.upload alone is profiled and its statistics read as JSON; 409 with
 * the status while there is no profile yet; 403 without data.read; 404 for a deleted version and for
 * another tenant's project key.
 */
@DataApiIntegrationTest
class StatisticsApiIT {

    private static final AtomicInteger KEYS = new AtomicInteger();

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
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    private Actors actors() {
        return new Actors(dsl);
    }

    private String token(String username, List<String> permissions) {
        return actors().as(username, () -> tokens.create(new TokenRequest("it-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(ZoneOffset.UTC).plusDays(7), ApiTokenScope.ofPermissions(permissions)))).secret();
    }

    private ProjectRef project() {
        String key = "SA" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        actors().as("acme-pm", () -> datasets.register(project.id(), "nightly", null, ""));
        return project;
    }

    private String base(String key) {
        return "http://127.0.0.1:" + port + "/api/v1/projects/" + key + "/datasets/nightly/versions";
    }

    /** Pushes a batch as a pipeline does, with a token scoped to data.upload alone. */
    private void push(ProjectRef project) throws Exception {
        String pipeline = token("acme-member", List.of("data.upload"));
        String csv = "id,plan,monthly\n1,basic,9.5\n2,pro,19\n3,basic,9.5\n4,pro,\n5," + UUID.randomUUID() + ",12\n";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base(project.key()))).header("Authorization", "Bearer " + pipeline)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private HttpResponse<String> statistics(String token, String key, int version) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base(key) + "/" + version + "/statistics")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the answer is no longer 409 (the job queued with the upload is running). */
    private HttpResponse<String> once(String token, String key, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> answer = statistics(token, key, version);
        while (answer.statusCode() == 409 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = statistics(token, key, version);
        }
        return answer;
    }

    @Test
    void aBatchPushedWithAnUploadOnlyTokenIsProfiledAndItsStatisticsReadAsJson() throws Exception {
        ProjectRef project = project();
        push(project);
        String reader = token("acme-viewer", List.of("data.read"));

        HttpResponse<String> answer = once(reader, project.key(), 1);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"version\":1").contains("\"status\":\"DONE\"").contains("\"rows\":5")
                .contains("\"computedBy\":\"acme-member\"").contains("\"duplicateRows\":{\"value\":0,\"exact\":true}")
                .contains("\"name\":\"monthly\",\"type\":\"DECIMAL\",\"count\":4,\"missing\":1,\"missingShare\":0.2,\"distinct\":{\"value\":3,\"exact\":true}")
                .contains("\"min\":9.5,\"max\":19.0").contains("\"quantiles\":{\"exact\":true,\"rankError\":0.0,\"ranks\":[0.01,")
                .contains("\"histogram\":{\"exact\":true,\"edges\":[9.5,")
                .contains("\"topValues\":{\"exact\":true,\"maximumError\":0,\"values\":[{\"value\":\"basic\",\"count\":2,\"exact\":true}")
                .contains("\"classBalance\":null");
    }

    @Test
    void whileThereIsNoProfileTheAnswerIs409WithTheStatus() throws Exception {
        ProjectRef project = project();
        push(project);
        String reader = token("acme-viewer", List.of("data.read"));
        assertThat(once(reader, project.key(), 1).statusCode()).isEqualTo(200);
        UUID versionId = actors().as("acme-viewer", () -> versions.history(project.id(), datasets.findByName(project.id(), "nightly").getId()))
                .getFirst().getId();
        TenantScope.callAsPlatform(() -> dsl.update(VERSION_PROFILE).set(VERSION_PROFILE.STATUS, "RUNNING").set(VERSION_PROFILE.PROGRESS, 0.25)
                .setNull(VERSION_PROFILE.PROFILE).where(VERSION_PROFILE.VERSION_ID.eq(versionId)).execute());

        HttpResponse<String> running = statistics(reader, project.key(), 1);

        assertThat(running.statusCode()).isEqualTo(409);
        assertThat(running.body()).contains("Version 1 is being profiled (25%); ask again in a moment.").contains("\"status\":\"RUNNING\"")
                .contains("\"progress\":0.25");
    }

    @Test
    void readingNeedsDataReadAndADeletedVersionOrAnotherTenantsKeyIsNotFound() throws Exception {
        ProjectRef project = project();
        push(project);
        String reader = token("acme-member", List.of("data.read"));
        assertThat(once(reader, project.key(), 1).statusCode()).as("the oracle: Acme reads it").isEqualTo(200);

        assertThat(statistics(token("acme-member", List.of("data.upload")), project.key(), 1).statusCode()).isEqualTo(403);
        assertThat(statistics(token("globex-member", List.of("data.read")), project.key(), 1).statusCode()).isEqualTo(404);
        assertThat(statistics(reader, project.key(), 2).statusCode()).as("no version 2").isEqualTo(404);

        UUID versionId = actors().as("acme-pm", () -> versions.history(project.id(), datasets.findByName(project.id(), "nightly").getId()))
                .getFirst().getId();
        actors().run("acme-pm", () -> versions.delete(project.id(), versionId, "privacy request 9 (test)"));
        assertThat(statistics(reader, project.key(), 1).statusCode()).isEqualTo(404);
    }
}
