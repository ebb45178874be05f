package dev.cairn.app.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
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

    /** The buttons labelled {@code label} in the last column (the row actions) of the page's one grid, row by row. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected List<Button> rowButtons(String label) {
        Grid grid = $(Grid.class).single();
        var tester = test(grid);
        int last = grid.getColumns().size() - 1;
        List<Button> found = new ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            tester.getCellComponent(row, last).getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                    .filter(b -> label.equals(((Button) b).getText())).forEach(b -> found.add((Button) b));
        }
        return found;
    }

    @AfterEach
    void signOutAfterEachTest() {
        Actors.signOut();
    }
}
