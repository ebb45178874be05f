package dev.cairn.app.project;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.support.Actors;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8: table cells were cut off while half the page was empty. Every grid of the platform's
 * own pages wraps long cell text instead of cutting it, and sizes its columns to their content.
 */
@AppTest
class AppGridsTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private void assertGridsShowWholeCells(String page) {
        @SuppressWarnings("rawtypes")
        List<Grid> grids = $(Grid.class).all();
        assertThat(grids).as(page).isNotEmpty();
        for (Grid<?> grid : grids) {
            assertThat(grid.getThemeNames()).as(page + ": long text wraps").contains(GridVariant.LUMO_WRAP_CELL_CONTENT.getVariantName());
            for (Grid.Column<?> column : grid.getColumns()) {
                assertThat(column.isAutoWidth() || column.getFlexGrow() > 1)
                        .as(page + ": column '" + column.getHeaderText() + "' is sized to its content or takes the spare room").isTrue();
            }
        }
    }

    @Test
    void theTenantAdminsGridsShowWholeCells() {
        ProjectRef project = new Actors(dsl).as("acme-admin", () -> projects.create("Grid check", "GRIDS1", null));
        new Actors(dsl).signIn("acme-admin");
        for (String page : List.of("", "admin/users", "admin/audit", "project/" + project.id())) {
            UI.getCurrent().navigate(page);
            assertGridsShowWholeCells(page);
        }
    }

    @Test
    void thePlatformAdminsTenantGridShowsWholeCells() {
        new Actors(dsl).signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        assertGridsShowWholeCells("admin/tenants");
    }
}
