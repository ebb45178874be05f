package dev.cairn.app.ui;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.cairn.app.shell.NotFoundView;
import dev.cairn.app.shell.TenantNotFoundView;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SECURITY.md item 2: every route that takes an id, opened by a Globex user with an Acme project's
 * id, answers "not found" and shows nothing of Acme. The routes are enumerated from Vaadin's route
 * registry, so a new id-taking route is covered without editing this test.
 */
@AppTest
class CrossTenantRoutesTest extends SpringBrowserlessTest {

    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void everyRouteTakingAnIdAnswersNotFoundForAnotherTenantsProject() {
        var acmeProject = world.projectOf("acme");
        new Actors(dsl).signIn("globex-pm");
        List<RouteData> idRoutes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> HasUrlParameter.class.isAssignableFrom(route.getNavigationTarget())).toList();
        assertThat(idRoutes).hasSizeGreaterThanOrEqualTo(6);
        for (RouteData route : idRoutes) {
            UI.getCurrent().navigate(route.getTemplate().replaceAll("/:.*$", "") + "/" + acmeProject.id());
            var view = getCurrentView();
            assertThat(view).as(route.getTemplate()).isInstanceOfAny(TenantNotFoundView.class, NotFoundView.class);
            assertThat(textOf((Component) view)).as(route.getTemplate()).contains("Not found")
                    .doesNotContain(acmeProject.name()).doesNotContain(acmeProject.key());
        }
    }

    @Test
    void theOwnTenantsProjectOpensOnEveryRouteTakingAnId() {
        var acmeProject = world.projectOf("acme");
        new Actors(dsl).signIn("acme-member");
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            if (HasUrlParameter.class.isAssignableFrom(route.getNavigationTarget())) {
                UI.getCurrent().navigate(route.getTemplate().replaceAll("/:.*$", "") + "/" + acmeProject.id());
                var view = getCurrentView();
                assertThat(view).as(route.getTemplate()).isInstanceOf(route.getNavigationTarget());
                assertThat(textOf((Component) view)).as(route.getTemplate()).containsAnyOf(acmeProject.key(), acmeProject.name());
            }
        }
    }

    static String textOf(Component component) {
        return component.getElement().getTextRecursively();
    }
}
