package dev.cairn.app.e2e;

import dev.cairn.app.testing.AppWebTest;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md item 24 in a real browser: Vaadin works under Cairn's Content-Security-Policy. The
 * browser reports every violation as a securitypolicyviolation event and a console error; a
 * signed-in walk through the main pages (projects, a project, lineage graph, scoping, users,
 * tenants) must produce none, and each page must render.
 */
@AppWebTest
class ContentSecurityPolicyIT extends BrowserTest {

    private final List<String> violations = new ArrayList<>();

    @Override
    protected Page signIn(String username) {
        Page page = browser.newPage();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.onConsoleMessage(message -> {
            if (message.text().contains("CSP violation") || message.text().contains("Content Security Policy")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        return signIn(page, username);
    }

    @Test
    void theMainPagesWorkWithoutASingleViolation() {
        Page pm = signIn("acme-pm");
        assertThat(pm.getByText("Customer churn")).isVisible();
        pm.getByText("Customer churn").click();
        pm.waitForURL(u -> u.contains("/project/"));
        String projectId = pm.url().substring(pm.url().lastIndexOf('/') + 1);
        assertThat(pm.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("CHURN · Customer churn"))).isVisible();
        pm.navigate(url("/lineage/" + projectId));
        pm.waitForFunction("() => { const g = document.querySelector('lineage-graph'); return g && g.graph && g.graph.nodes.length >= 5; }");
        pm.navigate(url("/scoping/document/" + projectId));
        assertThat(pm.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("CHURN · Scoping"))).isVisible();

        Page admin = signIn("acme-admin");
        admin.navigate(url("/admin/users"));
        assertThat(admin.getByText("acme-viewer", new Page.GetByTextOptions().setExact(true))).isVisible();
        Page platform = signIn("platform");
        platform.navigate(url("/admin/tenants"));
        assertThat(platform.getByText("Globex", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        pm.waitForTimeout(500);
        assertThat(violations).as("CSP violations").isEmpty();

        // The detector itself works: an image from another host is a violation it reports.
        pm.evaluate("() => { const probe = document.createElement('img'); probe.src = 'https://csp-probe.invalid/x.png'; "
                + "document.body.appendChild(probe); }");
        pm.waitForTimeout(500);
        // (Chromium reports it twice: its own console message and the event the init script logs.)
        assertThat(violations).as("the probe's violation").isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("img-src").contains("csp-probe.invalid"));
    }
}
