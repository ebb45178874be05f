package dev.cairn.app.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.cairn.app.demo.DemoAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Playwright base of a browser test: one Chromium per test class ({@link Browser}), the port of
 * the test's server, and signing in through the real login form as a demo user. The subclass is a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "server.address=127.0.0.1")}
 * with {@code @ActiveProfiles("demo")}; each page it opens has a browser context of its own, so
 * users signed in by one test never share a session.
 */
public abstract class BrowserTest {

    /** Shared by the tests of one class; started before the first and closed after the last. */
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The absolute URL of a path of the test's server, e.g. {@code url("/projects")}. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** A new page (its own browser context) signed in as the demo user, on the page after sign-in. */
    protected Page signIn(String username) {
        return signIn(browser.newPage(), username);
    }

    /**
     * Signs in on a page the test prepared (listeners, init scripts) as the demo user, with the demo
     * password, and waits until the browser has left the login page.
     */
    protected Page signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        // Spring Security may send the browser to "/?continue": wait for the URL to leave /login.
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }
}
