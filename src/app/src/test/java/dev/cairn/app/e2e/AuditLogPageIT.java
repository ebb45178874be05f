package dev.cairn.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.app.audit.JooqAuditLog;
import dev.cairn.app.support.DemoWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The audit log page in a real browser: reached from the navigation, filtered, exported as CSV. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:auditpage;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=", "server.address=127.0.0.1",
        "cairn.test.example-plugin=false", // screenshots for the admin guide
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class AuditLogPageIT extends BrowserTest {

    private static final Path SCREENSHOTS = Screenshots.folder();

    @Autowired
    JooqAuditLog writer;
    @Autowired
    DemoWorld world;

    @Test
    void aTenantAdminOpensTheAuditLogFiltersItAndExportsItAsSafeCsv() throws Exception {
        writer.write(world.tenantId("acme"), "+acme-formula", "test.formula", "=HYPERLINK(\"http://evil.example\",\"click\")",
                Outcome.SUCCESS, "@SUM(A1:A9)");
        Page admin = signIn("acme-admin");

        admin.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit log")).click();
        admin.waitForURL(u -> u.endsWith("/admin/audit"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("acme-admin")).first()).isVisible();
        for (String field : new String[] {"Actor", "Action", "Target", "From (UTC)", "To (UTC)"}) {
            assertThat(admin.getByLabel(field, new Page.GetByLabelOptions().setExact(true))).isVisible();
        }
        Screenshots.take(admin, SCREENSHOTS, "audit-log");

        admin.getByLabel("Actor", new Page.GetByLabelOptions().setExact(true)).fill("formula");
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("+acme-formula"))).isVisible();
        Download download = admin.waitForDownload(() -> admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Export CSV")).click());

        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("cairn-audit-\\d{8}-\\d{6}\\.csv");
        java.util.List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(lines.getFirst()).isEqualTo("time_utc,actor,action,target,outcome,detail");
        org.assertj.core.api.Assertions.assertThat(lines.get(1)).contains(",'+acme-formula,test.formula,")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"").endsWith(",SUCCESS,'@SUM(A1:A9)");
    }
}
