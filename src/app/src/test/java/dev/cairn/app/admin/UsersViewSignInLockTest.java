package dev.cairn.app.admin;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.util.Optional;
import dev.cairn.app.security.LoginThrottle;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SECURITY.md item 9: a tenant admin sees a slowed account on the Users page and lifts its lock there. */
@AppTest
class UsersViewSignInLockTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private static final int STATUS = 3;
    private static final int ACTIONS = 4;

    @SuppressWarnings("unchecked")
    private GridTester<Grid<UserAdminService.UserSummary>, UserAdminService.UserSummary> grid() {
        return test((Grid<UserAdminService.UserSummary>) $(Grid.class).single());
    }

    private int row(String username) {
        var grid = grid();
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).username().equals(username)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + username);
    }

    private String cellText(String username, int column) {
        return grid().getCellText(row(username), column);
    }

    private Optional<Button> liftButton(String username) {
        Component actions = grid().getCellComponent(row(username), ACTIONS);
        return actions.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getText().equals("Lift sign-in lock")).findFirst();
    }

    @Test
    void aTenantAdminLiftsTheSignInLockOfASlowedAccountFromTheUsersPage() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("acme-viewer", "10.8.0." + i);
        }
        assertThat(throttle.isSlowed("acme-viewer")).isTrue();
        new Actors(dsl).signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        assertThat(cellText("acme-viewer", STATUS)).isEqualTo("Active, sign-in slowed");
        assertThat(liftButton("acme-member")).as("only slowed accounts offer it").isEmpty();

        test(liftButton("acme-viewer").orElseThrow()).click();

        assertThat(throttle.isSlowed("acme-viewer")).isFalse();
        assertThat(cellText("acme-viewer", STATUS)).isEqualTo("Active");
        assertThat(liftButton("acme-viewer")).isEmpty();
        assertThat(dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("user.unlock").and(AUDIT_ENTRY.TARGET.eq("acme-viewer"))))
                .isEqualTo(1);
    }
}
