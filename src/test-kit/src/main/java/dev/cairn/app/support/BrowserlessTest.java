package dev.cairn.app.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The browserless base of a page test: Vaadin's {@link SpringBrowserlessTest} (the UI runs in the
 * test JVM, no browser, no server) with the demo world's users. The subclass is a
 * {@code @SpringBootTest(classes = CairnApplication.class)} with {@code @ActiveProfiles("demo")};
 * it signs a user in ({@link #signIn}), navigates with {@code UI.getCurrent().navigate(...)} and
 * reads the page with {@code $(...)}. Every test ends signed out.
 */
public abstract class BrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    protected DSLContext dsl;

    /** Runs test code as a demo user ({@code acme-pm}, {@code globex-viewer}, ...). */
    protected Actors actors() {
        return new Actors(dsl);
    }

    /** The UI's user from now on, as after the login form. */
    protected void signIn(String username) {
        actors().signIn(username);
    }

    @AfterEach
    void signOutAfterEachTest() {
        Actors.signOut();
    }
}
