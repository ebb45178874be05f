package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.demo.DemoAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * SECURITY.md items 9, 10 and 24 over real HTTP against the real server (Tomcat, Spring Security,
 * Vaadin): cookie flags, sessions that end when the database says so, login CSRF, response headers
 * on Vaadin's own page, forwarded headers believed only from the configured proxy, and no redirect
 * to a Host the server is not configured for. 127.0.0.1 is configured as the trusted proxy here;
 * ProductionProfileIT covers a client that is not one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sessions;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "server.address=127.0.0.1", "cairn.security.trusted-proxies=127.0.0.1"})
@ActiveProfiles("demo")
class SessionsIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    SessionRevocations revocations;

    private RawHttp http;
    private String client;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        client = "198.51.100." + (int) (Math.random() * 200 + 1); // the throttle's address, as the proxy reports it
    }

    private Map<String, String> sameSite(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", "http://127.0.0.1:" + port);
        headers.put("Sec-Fetch-Site", "same-origin");
        headers.put("X-Forwarded-For", client);
        headers.putAll(extra);
        return headers;
    }

    private static String form(String username, String password) {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private RawHttp.Response signIn(String username, Map<String, String> headers) {
        return http.postForm("/login", headers, form(username, DemoAccounts.PASSWORD));
    }

    private String signedInCookie(String username) {
        RawHttp.Response response = signIn(username, sameSite(Map.of()));
        assertThat(response.status()).as("sign-in answer").isEqualTo(302);
        assertThat(response.header("Location").orElseThrow()).doesNotContain("/login");
        return response.sessionCookie().orElseThrow();
    }

    private RawHttp.Response openProjects(String sessionId) {
        return http.get("/", Map.of("Cookie", "JSESSIONID=" + sessionId));
    }

    @Test
    void signingInOverPlainHttpGivesANewHttpOnlySameSiteCookieWithoutSecure() {
        RawHttp.Response loginPage = http.get("/login", Map.of());
        String before = loginPage.sessionCookie().orElse("none");
        RawHttp.Response response = signIn("acme-viewer", sameSite(Map.of("Cookie", "JSESSIONID=" + before)));
        String cookie = response.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(response.sessionCookie().orElseThrow()).isNotEqualTo(before);
        assertThat(response.header("Strict-Transport-Security")).as("no HSTS on plain HTTP").isEmpty();
        assertThat(openProjects(response.sessionCookie().orElseThrow()).status()).isEqualTo(200);
    }

    @Test
    void behindATrustedTlsProxyTheCookieIsSecureAndHstsIsSent() {
        RawHttp.Response response = signIn("acme-viewer", sameSite(Map.of("X-Forwarded-Proto", "https",
                "Origin", "https://127.0.0.1")));
        assertThat(response.status()).isEqualTo(302);
        String cookie = response.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly");
        assertThat(response.header("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
    }

    @Test
    void theTrustedProxysForwardedClientAddressIsTheOneThrottledAndAudited() {
        http.postForm("/login", sameSite(Map.of()), form("acme-viewer", "not-the-password-" + UUID.randomUUID()));
        assertThat(dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR.eq("acme-viewer").and(AUDIT_ENTRY.TARGET.eq(client)))))
                .isEqualTo(1);
    }

    @Test
    void aDisabledUsersReplayedCookieEndsAtTheLoginPageEvenWithoutTheSessionRegistry() {
        String cookie = signedInCookie("globex-viewer");
        assertThat(openProjects(cookie).status()).isEqualTo(200);
        // As another node would: only the database changes, this node's session registry knows nothing.
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq("globex-viewer")).execute());
        try {
            RawHttp.Response replay = openProjects(cookie);
            assertThat(replay.status()).isEqualTo(302);
            assertThat(replay.header("Location").orElseThrow()).endsWith("/login");
            assertThat(openProjects(cookie).status()).as("the session stays ended").isEqualTo(302);
        } finally {
            dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(APP_USER).set(APP_USER.ENABLED, true).where(APP_USER.USERNAME.eq("globex-viewer")).execute());
        }
    }

    @Test
    void aRevokedSessionEndsButTheNextSignInWorks() {
        String cookie = signedInCookie("globex-member");
        UUID id = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("globex-member")).fetchSingle(APP_USER.ID));
        revocations.revokeSessionsOf(id);
        assertThat(openProjects(cookie).status()).isEqualTo(302);
        assertThat(openProjects(signedInCookie("globex-member")).status()).isEqualTo(200);
    }

    @Test
    void aCrossSiteSignInDoesNotSignIn() {
        Map<String, Map<String, String>> forgeries = Map.of(
                "foreign Origin", Map.of("Origin", "https://evil.example"),
                "cross-site fetch", Map.of("Sec-Fetch-Site", "cross-site"),
                "same-site but other origin", Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://127.0.0.1:" + port),
                "null Origin", Map.of("Origin", "null"),
                "neither header", Map.of());
        forgeries.forEach((what, headers) -> {
            RawHttp.Response response = signIn("acme-admin", headers);
            assertThat(response.status()).as(what).isEqualTo(403);
            assertThat(response.body()).as(what).contains("not sent from this site");
            response.sessionCookie().ifPresent(cookie -> assertThat(openProjects(cookie).status()).as(what).isEqualTo(302));
        });
    }

    @Test
    void vaadinsPagesCarryTheSecurityHeaders() {
        for (RawHttp.Response page : new RawHttp.Response[] {http.get("/login", Map.of()),
                openProjects(signedInCookie("acme-member"))}) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("<html");
            assertThat(page.all("X-Frame-Options")).containsExactly("DENY");
            assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'")
                    .contains("default-src 'self'").contains("object-src 'none'");
            assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.header("Referrer-Policy")).contains("same-origin");
        }
    }

    @Test
    void aForeignHostHeaderIsNeverEchoedIntoARedirect() {
        for (String host : new String[] {"evil.example", "evil.example:" + port}) {
            for (String path : new String[] {"/", "/login", "/no/such/page"}) {
                RawHttp.Response response = http.get(path, Map.of("Host", host));
                assertThat(response.status()).as(host + path).isEqualTo(400);
                assertThat(response.header("Location")).as(host + path).isEmpty();
                assertThat(response.body()).doesNotContain("evil.example");
            }
        }
        assertThat(http.get("/", Map.of()).header("Location").orElseThrow()).doesNotContain("evil");
    }
}
