package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import jakarta.servlet.ServletContext;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * SECURITY.md item 24: the prod profile as deployed (no demo data): Vaadin in production mode, no
 * H2 console, nothing of the actuator but health, no exception details or stack traces on any
 * error page; and (item 9) a client that is not a configured proxy cannot choose its address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:prod;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "server.address=127.0.0.1", "cairn.security.trusted-proxies=192.0.2.10",
        "cairn.bootstrap.admin-username=prod-root", "cairn.bootstrap.admin-password=" + ProductionProfileIT.ADMIN_PASSWORD})
@ActiveProfiles("prod")
class ProductionProfileIT {

    static final String ADMIN_PASSWORD = "a long production passphrase 2026";
    private static final String[] LEAKS = {"Exception", "exception", "at org.", "at dev.", "java.", "jakarta.", "SQL", "trace"};

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;
    @Autowired
    ApplicationContext context;
    @Autowired
    DSLContext dsl;

    @Test
    void vaadinRunsInProductionMode() {
        assertThat(ApplicationConfiguration.get(new VaadinServletContext(servletContext)).isProductionMode()).isTrue();
        RawHttp.Response page = new RawHttp(port).get("/login", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("vaadin-dev-tools");
    }

    @Test
    void thereIsNoH2Console() {
        assertThat(context.containsBean("h2Console")).isFalse();
        RawHttp.Response console = new RawHttp(port).get("/h2-console/", Map.of());
        assertThat(console.body()).doesNotContainIgnoringCase("H2 Console");
    }

    @Test
    void onlyHealthIsExposed() {
        RawHttp http = new RawHttp(port);
        RawHttp.Response health = http.get("/actuator/health", Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP").doesNotContain("components");
        for (String endpoint : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/info"}) {
            RawHttp.Response response = http.get(endpoint, Map.of());
            assertThat(response.status()).as(endpoint).isNotEqualTo(200);
            assertThat(response.body()).as(endpoint).doesNotContain("\"_links\"").doesNotContain("spring.datasource");
        }
    }

    @Test
    void errorPagesShowNoExceptionDetails() {
        RawHttp http = new RawHttp(port);
        RawHttp.Response signIn = http.postForm("/login", Map.of("Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site",
                "same-origin"), "username=prod-root&password=" + ADMIN_PASSWORD.replace(' ', '+'));
        assertThat(signIn.status()).isEqualTo(302);
        Map<String, String> signedIn = Map.of("Cookie", "JSESSIONID=" + signIn.sessionCookie().orElseThrow());
        Map<String, RawHttp.Response> errors = new java.util.LinkedHashMap<>();
        errors.put("Spring MVC's error page, asking for trace and message", http.get("/error?trace=true&message=true",
                Map.of("Accept", "text/html", "Cookie", signedIn.get("Cookie"))));
        errors.put("Spring MVC's error page as JSON", http.get("/error?trace=true&message=true",
                Map.of("Accept", "application/json", "Cookie", signedIn.get("Cookie"))));
        errors.put("the error page, anonymous", http.get("/error?trace=true", Map.of("Accept", "text/html")));
        errors.put("a malformed escape", http.get("/%zz", Map.of()));
        errors.put("an encoded traversal", http.get("/..%2f..%2fetc/passwd", signedIn));
        errors.put("a forbidden actuator endpoint", http.get("/actuator/env", signedIn));
        errors.put("a cross-site sign-in", http.postForm("/login", Map.of("Origin", "https://evil.example"), "username=a&password=b"));
        errors.put("an unknown host", http.get("/", Map.of("Host", "evil.example")));
        errors.forEach((what, response) -> {
            assertThat(response.status()).as(what).isNotEqualTo(200);
            assertThat(response.body()).as(what).doesNotContain(LEAKS);
        });
        assertThat(errors.get("Spring MVC's error page as JSON").body()).as("Spring MVC rendered it").contains("\"status\"");
    }

    @Test
    void theSessionCookieIsSecureInProduction() {
        RawHttp.Response page = new RawHttp(port).get("/login", Map.of());
        assertThat(page.all("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allMatch(c -> c.contains("Secure") && c.contains("HttpOnly"));
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotChooseItsAddress() {
        new RawHttp(port).postForm("/login", Map.of("Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin",
                "X-Forwarded-For", "203.0.113.9"), "username=prod-nobody&password=whatever-it-is");
        assertThat(dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(AUDIT_ENTRY.TARGET).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTOR.eq("prod-nobody"))
                .fetch(AUDIT_ENTRY.TARGET))).containsExactly("127.0.0.1");
    }
}
