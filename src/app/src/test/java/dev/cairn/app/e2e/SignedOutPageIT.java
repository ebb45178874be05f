package dev.cairn.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.cairn.app.security.SessionRevocations;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A user whose account is disabled (or whose sessions are ended) while they work sees, at their
 * next click, a page saying so with the way back to sign in, not Vaadin's "Invalid JSON response".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:signedoutpage;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=", "server.address=127.0.0.1",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class SignedOutPageIT extends BrowserTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    SessionRevocations revocations;

    @Override
    protected Page signIn(String username) {
        Page page = super.signIn(username);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects"))).isVisible();
        return page;
    }

    @Test
    void aMemberDisabledByTheAdminSeesThatTheAccountWasDisabledAtTheNextClick() {
        Page member = signIn("acme-member");
        Page admin = signIn("acme-admin");
        admin.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Users")).click();
        admin.waitForURL(u -> u.endsWith("/admin/users"));
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("acme-member")).waitFor();
        // The row's actions: the grid renders them in cells after the username's.
        admin.locator("vaadin-grid-cell-content vaadin-button", new Page.LocatorOptions().setHasText("Disable")).nth(rowOf(admin, "acme-member")).click();
        // The confirmation is open once its question shows; its confirm button is then the last "Disable".
        assertThat(admin.getByText("Disable acme-member?")).isVisible();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable").setExact(true)).last().click();
        assertThat(admin.getByText("User disabled")).isVisible();

        member.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Jobs")).click();

        assertThat(member.getByText("Your account was disabled")).isVisible();
        assertThat(member.getByText("Invalid JSON")).hasCount(0);
        member.waitForURL(u -> u.contains("/login"));
        assertThat(member.locator("input[name=username]")).isVisible();
        Screenshots.take(member, Screenshots.folder(), "signed-out-disabled");
    }

    @Test
    void aUserWhoseSessionsWereEndedSeesThatTheSessionEndedAtTheNextClick() {
        Page viewer = signIn("acme-viewer");
        java.util.UUID id = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.APP_USER.ID)
                .from(dev.cairn.app.db.Tables.APP_USER).where(dev.cairn.app.db.Tables.APP_USER.USERNAME.eq("acme-viewer"))
                .fetchSingle().value1());
        // As another node would: only the database records the revocation.
        revocations.revokeSessionsOf(id);

        viewer.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Jobs")).click();

        assertThat(viewer.getByText("Your session has ended")).isVisible();
        assertThat(viewer.locator("input[name=username]")).isVisible();
    }

    /** Which "Disable" button belongs to the user: active users' rows in username order. */
    private static int rowOf(Page admin, String username) {
        java.util.List<String> names = admin.locator("vaadin-grid-cell-content").allInnerTexts().stream()
                .filter(text -> text.startsWith("acme-")).toList();
        return names.indexOf(username);
    }
}
