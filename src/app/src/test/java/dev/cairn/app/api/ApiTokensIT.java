package dev.cairn.app.api;

import dev.cairn.app.testing.AppWebTest;
import static dev.cairn.app.db.Tables.API_TOKEN;
import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.security.Role;
import dev.cairn.app.api.ApiTokenService.TokenRequest;
import dev.cairn.app.demo.DemoAccounts;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SECURITY.md items 2 and 12 over real HTTP against the real server and database: API tokens are
 * stored as hashes only, scoped to one tenant and a role or permission set, refused from the next
 * request on once revoked, expired, or their user disabled, capped by a role downgrade; the API
 * issues no session cookie, ignores the UI's session and needs no CSRF token; the UI ignores bearer
 * tokens; a Globex token never sees or changes Acme data.
 */
@AppWebTest
class ApiTokensIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    RefusedTokenAudit refusedTokenAudit;
    @Autowired
    DemoWorld world;
    @Autowired
    Jobs jobs;
    @Autowired
    dev.cairn.app.files.FileLimits fileLimits;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** The endpoints this class's cross-tenant tests call with another tenant's key or id (SECURITY.md item 2). */
    private static final java.util.Set<String> CROSS_TENANT_COVERED = java.util.Set.of(
            "GET /api/v1/projects", "GET /api/v1/projects/{key}", "POST /api/v1/projects", "GET /api/v1/projects/{key}/jobs",
            "GET /api/v1/jobs/{id}", "GET /api/v1/lineage/nodes/{id}/upstream", "GET /api/v1/lineage/nodes/{id}/downstream",
            "POST /api/v1/files", "GET /api/v1/files/{id}",
            // The data plugin's own endpoints; their cross-tenant cases are DatasetVersionsApiIT's (plugins/data).
            "POST /api/v1/projects/{key}/datasets/{name}/versions", "GET /api/v1/projects/{key}/datasets/{name}/versions",
            // Its cross-tenant case is StatisticsApiIT's (plugins/data).
            "GET /api/v1/projects/{key}/datasets/{name}/versions/{version}/statistics",
            // Its cross-tenant case is DatasetDriftApiIT's (plugins/data).
            "GET /api/v1/projects/{key}/datasets/{name}/drift",
            // Their cross-tenant cases are ValidationApiIT's (plugins/data).
            "GET /api/v1/projects/{key}/datasets/{name}/versions/{version}/validation",
            "POST /api/v1/projects/{key}/datasets/{name}/versions/{version}/validation");

    @Test
    void everyApiEndpointIsOneTheCrossTenantTestsCall() {
        java.util.Set<String> endpoints = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .flatMap(path -> info.getMethodsCondition().getMethods().stream().map(method -> method + " " + path)))
                .filter(endpoint -> endpoint.contains(" /api/v1/")).collect(java.util.stream.Collectors.toSet());
        assertThat(endpoints).as("a new endpoint needs its cross-tenant case here").containsExactlyInAnyOrderElementsOf(CROSS_TENANT_COVERED);
    }

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private Actors actors() {
        return new Actors(dsl);
    }

    private String token(String username, ApiTokenScope scope) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        return actors().as(username, () -> tokens.create(new TokenRequest(name, LocalDate.now(ZoneOffset.UTC).plusDays(7), scope)))
                .secret();
    }

    private <T> T platform(java.util.function.Supplier<T> read) {
        return TenantScope.callAsPlatform(read);
    }

    @Test
    void onlyTheHashOfTheSecretIsStoredAndTheSecretCarriesARecognisablePrefix() {
        String secret = token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        assertThat(secret).startsWith("cairn_pat_").hasSize("cairn_pat_".length() + 43);
        var row = platform(() -> dsl.selectFrom(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(ApiTokenSecrets.hash(secret))).fetchSingle());
        assertThat(row.intoList()).noneMatch(value -> value != null && value.toString().contains(secret.substring(10)));
        assertThat(row.getTokenHash()).hasSize(64).isNotEqualTo(secret);
        assertThat(api.get("/api/v1/projects", secret).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenSeesOnlyItsOwnTenantAndAnotherTenantsIdsAreNotFound() {
        String globex = token("globex-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        var acme = world.projectOf("acme");
        HttpResponse<String> list = api.get("/api/v1/projects", globex);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(world.projectOf("globex").key()).doesNotContain(acme.key()).doesNotContain(acme.name());

        HttpResponse<String> project = api.get("/api/v1/projects/" + acme.key(), globex);
        assertThat(project.statusCode()).isEqualTo(404);
        assertThat(project.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(project.body()).doesNotContain(acme.name());
        assertThat(api.get("/api/v1/projects/" + acme.key() + "/jobs", globex).statusCode()).isEqualTo(404);

        UUID acmeJob = actors().as("acme-member", () -> jobs.submit("cairn.tracking-sync", "Sync " + acme.key(), acme.id(), null));
        assertThat(api.get("/api/v1/jobs/" + acmeJob, globex).statusCode()).isEqualTo(404);
        String acmeToken = token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        HttpResponse<String> ownJob = api.get("/api/v1/jobs/" + acmeJob, acmeToken);
        assertThat(ownJob.statusCode()).isEqualTo(200);
        assertThat(ownJob.body()).contains("\"progress\"").contains("\"status\"");
        assertThat(api.get("/api/v1/projects/" + acme.key() + "/jobs", acmeToken).body()).contains(acmeJob.toString());

        UUID acmeNode = platform(() -> dsl.select(LINEAGE_ARTIFACT.ID).from(LINEAGE_ARTIFACT)
                .where(LINEAGE_ARTIFACT.TENANT_ID.eq(world.tenantId("acme"))).limit(1).fetchOne(LINEAGE_ARTIFACT.ID));
        assertThat(acmeNode).as("the demo data records lineage").isNotNull();
        assertThat(api.get("/api/v1/lineage/nodes/" + acmeNode + "/downstream", globex).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/lineage/nodes/" + acmeNode + "/upstream", globex).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/lineage/nodes/" + acmeNode + "/downstream", acmeToken).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/lineage/nodes/" + UUID.randomUUID() + "/upstream", acmeToken).statusCode()).isEqualTo(404);
    }

    @Test
    void aGlobexTokenCannotCreateInAcmeAndAWriteNeedsNoCsrfTokenNorCookie() {
        String globexPm = token("globex-pm", ApiTokenScope.ofRole(Role.PROJECT_MANAGER));
        String key = "G" + (int) (Math.random() * 90000 + 10000);
        HttpResponse<String> created = api.post("/api/v1/projects", globexPm, "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Made over the API\",\"description\":\"\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.cookies(created)).isEmpty();
        assertThat(platform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.PROJECT, dev.cairn.app.db.Tables.PROJECT.PROJECT_KEY.eq(key)
                .and(dev.cairn.app.db.Tables.PROJECT.TENANT_ID.eq(world.tenantId("globex")))))).isEqualTo(1);
        assertThat(api.get("/api/v1/projects/" + key, token("acme-pm", ApiTokenScope.ofRole(Role.VIEWER))).statusCode())
                .as("the new project is Globex's, not Acme's").isEqualTo(404);
    }

    @Test
    void aTokensRoleLimitsItAndARoleDowngradeCapsItOnTheNextRequest() {
        String viewerScoped = token("acme-pm", ApiTokenScope.ofRole(Role.VIEWER));
        assertThat(createProject(viewerScoped).statusCode()).as("a viewer-scoped token of a manager").isEqualTo(403);
        String managerScoped = token("acme-member", ApiTokenScope.ofRole(Role.MEMBER));
        assertThat(createProject(managerScoped).statusCode()).as("a member may not create projects").isEqualTo(403);

        UUID userId = platform(() -> dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("globex-admin")).fetchSingle(APP_USER.ID));
        String adminScoped = token("globex-admin", ApiTokenScope.ofRole(Role.TENANT_ADMIN));
        try {
            platform(() -> dsl.update(USER_ROLE).set(USER_ROLE.ROLE, Role.VIEWER.name()).where(USER_ROLE.USER_ID.eq(userId)).execute());
            HttpResponse<String> refused = createProject(adminScoped);
            assertThat(refused.statusCode()).as("downgraded to viewer").isEqualTo(403);
            assertThat(refused.body()).contains("not allowed");
            assertThat(api.get("/api/v1/projects", adminScoped).statusCode()).as("still a viewer").isEqualTo(200);
        } finally {
            platform(() -> dsl.update(USER_ROLE).set(USER_ROLE.ROLE, Role.TENANT_ADMIN.name()).where(USER_ROLE.USER_ID.eq(userId)).execute());
        }
    }

    @Test
    void aPermissionScopedTokenHoldsOnlyItsPermissions() {
        String jobsOnly = token("acme-admin", ApiTokenScope.ofPermissions(List.of(ApiPermissions.READ_JOBS.id())));
        var acme = world.projectOf("acme");
        assertThat(api.get("/api/v1/projects/" + acme.key() + "/jobs", jobsOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> projects = api.get("/api/v1/projects", jobsOnly);
        assertThat(projects.statusCode()).isEqualTo(403);
        assertThat(projects.body()).contains("read projects through the API");
        assertThat(createProject(jobsOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void revocationCountsFromTheNextRequestAndIsAudited() {
        String secret = token("acme-member", ApiTokenScope.ofRole(Role.MEMBER));
        assertThat(api.get("/api/v1/projects", secret).statusCode()).isEqualTo(200);
        UUID id = platform(() -> dsl.select(API_TOKEN.ID).from(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(ApiTokenSecrets.hash(secret))).fetchSingle(API_TOKEN.ID));
        actors().run("acme-member", () -> tokens.revoke(id));
        HttpResponse<String> refused = api.get("/api/v1/projects", secret);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(refused.body()).contains("\"status\":401").contains("invalid, expired or revoked");
        String name = platform(() -> dsl.select(API_TOKEN.NAME).from(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchSingle(API_TOKEN.NAME));
        assertThat(audited("api-token.create", name)).isEqualTo(1);
        assertThat(audited("api-token.revoke", name)).isEqualTo(1);
        assertThat(audited("api-token.use", name)).as("the refused use").isEqualTo(1);
    }

    @Test
    void anExpiredTokenOrADisabledUsersTokenIsRefused() {
        String expiring = token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        platform(() -> dsl.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .where(API_TOKEN.TOKEN_HASH.eq(ApiTokenSecrets.hash(expiring))).execute());
        assertThat(api.get("/api/v1/projects", expiring).statusCode()).isEqualTo(401);

        String member = token("globex-member", ApiTokenScope.ofRole(Role.MEMBER));
        assertThat(api.get("/api/v1/projects", member).statusCode()).isEqualTo(200);
        platform(() -> dsl.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq("globex-member")).execute());
        try {
            assertThat(api.get("/api/v1/projects", member).statusCode()).isEqualTo(401);
        } finally {
            platform(() -> dsl.update(APP_USER).set(APP_USER.ENABLED, true).where(APP_USER.USERNAME.eq("globex-member")).execute());
        }
        assertThat(api.get("/api/v1/projects", member).statusCode()).isEqualTo(200);
    }

    @Test
    void lastUseIsRecordedButNotRewrittenOnEveryRequest() {
        String secret = token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        api.get("/api/v1/projects", secret);
        OffsetDateTime first = lastUsed(secret);
        assertThat(first).isNotNull();
        api.get("/api/v1/projects", secret);
        assertThat(lastUsed(secret)).as("within the interval").isEqualTo(first);
    }

    @Test
    void withoutATokenTheApiAnswers401WithAProblemAndNoRedirectOrCookie() {
        HttpResponse<String> anonymous = api.get("/api/v1/projects", (String) null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(anonymous.headers().firstValue("Location")).isEmpty();
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiClient.cookies(anonymous)).isEmpty();
        assertThat(api.get("/api/v1/projects", "cairn_pat_" + "x".repeat(43)).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/projects", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void theApiIgnoresTheUiSessionAndTheUiIgnoresBearerTokens() {
        String session = signIn("acme-viewer");
        HttpResponse<String> withCookie = api.get("/api/v1/projects", Map.of("Cookie", "JSESSIONID=" + session));
        assertThat(withCookie.statusCode()).as("the session cookie opens nothing in the API").isEqualTo(401);
        assertThat(api.get("/", Map.of("Cookie", "JSESSIONID=" + session)).statusCode()).as("the session itself is good").isEqualTo(200);

        String secret = token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER));
        HttpResponse<String> ui = api.get("/", secret);
        assertThat(ui.statusCode()).as("a bearer token opens nothing in the UI").isEqualTo(302);
        assertThat(ui.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> apiCall = api.get("/api/v1/projects", secret);
        assertThat(ApiClient.cookies(apiCall)).as("the API issues no session cookie").isEmpty();
    }

    private String signIn(String username) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(DemoAccounts.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = api.send(api.builder("/login", null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin")).POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).isEqualTo(302);
        return ApiClient.cookies(response).stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()
                .replaceFirst("JSESSIONID=([^;]*).*", "$1");
    }

    private HttpResponse<String> createProject(String token) {
        return api.post("/api/v1/projects", token, "application/json",
                "{\"key\":\"R" + (int) (Math.random() * 90000 + 10000) + "\",\"name\":\"Refused\"}");
    }

    private OffsetDateTime lastUsed(String secret) {
        return platform(() -> dsl.select(API_TOKEN.LAST_USED_AT).from(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(ApiTokenSecrets.hash(secret)))
                .fetchSingle(API_TOKEN.LAST_USED_AT));
    }

    @Test
    void aThousandRequestsWithARevokedTokenWriteTwoAuditEntriesThatCountThemAll() {
        String secret = token("acme-member", ApiTokenScope.ofRole(Role.MEMBER));
        UUID id = platform(() -> dsl.select(API_TOKEN.ID).from(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(ApiTokenSecrets.hash(secret))).fetchSingle(API_TOKEN.ID));
        String name = platform(() -> dsl.select(API_TOKEN.NAME).from(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchSingle(API_TOKEN.NAME));
        actors().run("acme-member", () -> tokens.revoke(id));

        for (int i = 0; i < 1000; i++) {
            assertThat(api.get("/api/v1/projects", secret).statusCode()).isEqualTo(401);
        }
        assertThat(audited("api-token.use", name)).as("bounded while the minute runs (before: 1,000)").isEqualTo(1);

        refusedTokenAudit.writeOpenCounts(); // what the end of the minute, or a shutdown, does
        assertThat(audited("api-token.use", name)).isEqualTo(2);
        String count = platform(() -> dsl.select(AUDIT_ENTRY.DETAIL).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ACTION.eq("api-token.use"), AUDIT_ENTRY.TARGET.eq(name), AUDIT_ENTRY.DETAIL.contains("more"))
                .fetchSingle(AUDIT_ENTRY.DETAIL));
        assertThat(count).isEqualTo("revoked; refused 999 more time(s) in the 60 s after it");
    }

    private int audited(String action, String target) {
        return platform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(action).and(AUDIT_ENTRY.TARGET.eq(target))));
    }

    /** A CI pipeline pushes a batch with one curl: the body is the file, streamed into the tenant's store. */
    @Test
    void aPipelineUploadsAFileWithATokenAndAnotherTenantNeverSeesIt() {
        String acmeMember = token("acme-member", ApiTokenScope.ofRole(Role.MEMBER));
        String batch = "id,amount\n1," + UUID.randomUUID() + "\n";
        HttpResponse<String> created = api.post("/api/v1/files?name=batch.csv", acmeMember, "text/csv", batch);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"batch.csv\"").contains("\"alreadyStored\":false")
                .contains("\"sizeBytes\":" + batch.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ApiClient.cookies(created)).isEmpty();
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        HttpResponse<String> again = api.post("/api/v1/files?name=same-again.csv", acmeMember, "text/csv", batch);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"id\":\"" + id + "\"").contains("\"alreadyStored\":true");
        assertThat(api.get("/api/v1/files/" + id, acmeMember).statusCode()).isEqualTo(200);

        String globex = token("globex-member", ApiTokenScope.ofRole(Role.MEMBER));
        HttpResponse<String> foreign = api.get("/api/v1/files/" + id, globex);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("batch.csv");
        // The same bytes from Globex are Globex's own file, never Acme's.
        HttpResponse<String> globexCopy = api.post("/api/v1/files?name=batch.csv", globex, "text/csv", batch);
        assertThat(globexCopy.statusCode()).isEqualTo(201);
        assertThat(globexCopy.body()).doesNotContain(id);

        HttpResponse<String> viewer = api.post("/api/v1/files?name=x.csv", token("acme-viewer", ApiTokenScope.ofRole(Role.VIEWER)),
                "text/csv", "a\n1\n");
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadOverTheTenantsLimitIsRefusedWith413AndNothingIsStored() {
        String acmeMember = token("acme-member", ApiTokenScope.ofRole(Role.MEMBER));
        actors().run("acme-admin", () -> fileLimits.setTenantLimit(1024L));
        try {
            int before = platform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.STORED_FILE));
            HttpResponse<String> refused = api.post("/api/v1/files?name=big.csv", acmeMember, "text/csv", "x".repeat(5000));
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("limit");
            assertThat(platform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.STORED_FILE))).isEqualTo(before);
        } finally {
            actors().run("acme-admin", () -> fileLimits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT));
        }
    }
}
