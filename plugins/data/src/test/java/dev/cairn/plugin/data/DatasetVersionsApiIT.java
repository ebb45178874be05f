package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.api.ApiTokenScope;
import dev.cairn.app.api.ApiTokenService;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The REST endpoints for dataset versions with real API tokens over HTTP, on H2 and PostgreSQL:
 * 201 for new bytes, 200 for the same bytes again, 400 naming line and column with the offending
 * lines (nothing stored), 413 over the tenant's limit, the history, the declared permission, and
 * another tenant's project key is not found.
 */
@SpringBootTest(classes = CairnApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:dataversionsapi;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
                "cairn.jobs.poll-interval=1h", "cairn.files.max-upload-size=64KB", "server.address=127.0.0.1",
                // No browser here: the REST API needs no frontend bundle, and this module has no dev server.
                "vaadin.productionMode=true"})
@ActiveProfiles("demo")
class DatasetVersionsApiIT {


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

    private World world() {
        return World.withDataset(actors(), projects, datasets, "DA", "nightly batch", "");
    }

    private String url(String key, String query) {
        return "http://127.0.0.1:" + port + "/api/v1/projects/" + key + "/datasets/" + URLEncoder.encode("nightly batch", StandardCharsets.UTF_8)
                .replace("+", "%20") + "/versions" + (query.isEmpty() ? "" : "?" + query);
    }

    private HttpResponse<String> post(String token, String key, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(key, query))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(key, ""))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPipelinePushesABatchAndTheSameBatchAgainIsTheSameVersion() throws Exception {
        World world = world();
        String token = token("acme-member", List.of("data.upload", "data.read"));
        String csv = "id;amount\n1;9,5\n2;19\n" + UUID.randomUUID() + ";3\n";

        HttpResponse<String> created = post(token, world.project().key(), "file=batch-2026-12-01.csv&source=nightly%20ETL&licence=internal", csv);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"version\":1").contains("\"rows\":3").contains("\"columns\":2").contains("\"delimiter\":\";\"")
                .contains("\"fileName\":\"batch-2026-12-01.csv\"").contains("\"source\":\"nightly ETL\"").contains("\"alreadyStored\":false");

        HttpResponse<String> again = post(token, world.project().key(), "file=batch-again.csv", csv);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"version\":1").contains("\"alreadyStored\":true");

        HttpResponse<String> history = get(token, world.project().key());
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"version\":1").doesNotContain("\"version\":2");
    }

    private HttpResponse<String> postBytes(String token, String key, String query, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(key, query))).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPipelinePushesAParquetBatchAndARefusedOneIs400NamingTheColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        World world = world();
        String token = token("acme-member", List.of("data.upload"));
        byte[] batch = java.nio.file.Files.readAllBytes(dev.cairn.plugin.data.ingest.TestParquet.write(dir.resolve("batch.parquet"),
                "SELECT i AS id, i * 1.5 AS amount, '" + UUID.randomUUID() + "' AS tag FROM range(3) t(i)"));
        byte[] nested = java.nio.file.Files.readAllBytes(dev.cairn.plugin.data.ingest.TestParquet.write(dir.resolve("nested.parquet"),
                "SELECT 1 AS id, {'x': 1} AS point"));

        HttpResponse<String> created = postBytes(token, world.project().key(), "", "application/vnd.apache.parquet", batch);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"format\":\"PARQUET\"").contains("\"rows\":3").contains("\"columns\":3")
                .contains("\"fileName\":\"nightly batch.parquet\"");

        HttpResponse<String> refused = postBytes(token, world.project().key(), "file=nested.parquet", "application/octet-stream", nested);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"problem\":\"UNSUPPORTED_TYPE\"").contains("\"column\":2")
                .contains("Column 2 (\\\"point\\\") is STRUCT(x INTEGER), a nested type");
        assertThat(actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()))).hasSize(1);
    }

    @Test
    void formatOverridesArriveAsQueryParameters() throws Exception {
        World world = world();
        String token = token("acme-member", List.of("data.upload"));
        HttpResponse<String> created = post(token, world.project().key(), "header=false&delimiter=pipe", "1|2\n3|" + UUID.randomUUID() + "\n");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"rows\":2").contains("\"header\":false").contains("\"delimiter\":\"|\"");
        HttpResponse<String> bad = post(token, world.project().key(), "header=maybe", "a\n1\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Header must be true or false");
    }

    @Test
    void aRefusedFileIs400NamingLineAndColumnWithTheOffendingLinesAndNothingIsStored() throws Exception {
        World world = world();
        String token = token("acme-member", List.of("data.upload"));

        HttpResponse<String> refused = post(token, world.project().key(), "", "id,plan,fee\n1,basic,9\n2,pro\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Line 3, column 3: the row has 2 fields where line 1 has 3").contains("\"line\":3")
                .contains("\"column\":3").contains("\"problem\":\"RAGGED_ROW\"").contains("\"text\":\"2,pro\"");
        assertThat(actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()))).isEmpty();
    }

    @Test
    void anUploadOverTheTenantsLimitIs413() throws Exception {
        World world = world();
        String token = token("acme-member", List.of("data.upload"));
        HttpResponse<String> tooLarge = post(token, world.project().key(), "", "id,text\n" + "1,abcdefghijklmnopqrstuvwxyz\n".repeat(3000));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than the upload limit of 64 KB");
        assertThat(actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()))).isEmpty();
    }

    @Test
    void uploadingNeedsItsDeclaredPermission() throws Exception {
        World world = world();
        HttpResponse<String> readOnly = post(token("acme-member", List.of("data.read")), world.project().key(), "", "a\n1\n");
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(readOnly.body()).contains("upload dataset versions");
        HttpResponse<String> viewer = post(token("acme-viewer", List.of("data.read")), world.project().key(), "", "a\n1\n");
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherTenantsProjectKeyIsNotFound() throws Exception {
        World acme = world();
        String globex = token("globex-member", List.of("data.upload", "data.read"));
        String acmeToken = token("acme-member", List.of("data.read"));

        assertThat(get(acmeToken, acme.project().key()).statusCode()).as("the oracle: Acme sees it").isEqualTo(200);
        assertThat(post(globex, acme.project().key(), "", "a\n" + UUID.randomUUID() + "\n").statusCode()).isEqualTo(404);
        assertThat(get(globex, acme.project().key()).statusCode()).isEqualTo(404);
        assertThat(actors().as("acme-pm", () -> versions.history(acme.project().id(), acme.dataset()))).isEmpty();
    }
}
