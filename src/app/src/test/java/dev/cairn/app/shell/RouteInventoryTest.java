package dev.cairn.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * SECURITY.md item 1: every Vaadin route and layout and every HTTP endpoint of every module carries
 * an explicit access rule, and only the allow-list is anonymous.
 */
class RouteInventoryTest {

    private static final Set<String> ANONYMOUS_ALLOWED = Set.of(
            "dev.cairn.app.security.LoginView", "dev.cairn.app.shell.NotFoundView", "dev.cairn.app.shell.TenantNotFoundView",
            "dev.cairn.app.shell.ErrorView");
    private static final List<Class<? extends Annotation>> ACCESS_RULES = List.of(
            RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    @Test
    void everyRouteAndLayoutDeclaresWhoMayOpenIt() {
        Set<Class<?>> views = scan(Route.class, Layout.class);
        assertThat(views).as("routes found in app and plugins").hasSizeGreaterThanOrEqualTo(10);
        assertThat(views.stream().map(Class::getName)).contains("dev.cairn.plugin.data.DatasetsView",
                "dev.cairn.plugin.scoping.ScopingView", "dev.cairn.app.shell.MainLayout", "dev.cairn.app.audit.AuditLogView",
                "com.example.cairn.notes.NotesView");
        Set<String> withoutRule = views.stream().filter(view -> ACCESS_RULES.stream().noneMatch(view::isAnnotationPresent))
                .map(Class::getName).collect(Collectors.toSet());
        assertThat(withoutRule).as("routes without an access annotation").isEmpty();
    }

    @Test
    void onlyLoginAndErrorPagesAreAnonymous() {
        Set<Class<?>> pages = scan(Route.class, Layout.class);
        pages.addAll(scanErrorViews());
        Set<String> anonymous = pages.stream().filter(view -> view.isAnnotationPresent(AnonymousAllowed.class))
                .map(Class::getName).collect(Collectors.toSet());
        assertThat(ANONYMOUS_ALLOWED).containsAll(anonymous);
    }

    @Test
    void errorViewsDeclareAccessToo() {
        assertThat(scanErrorViews()).allMatch(view -> ACCESS_RULES.stream().anyMatch(view::isAnnotationPresent));
    }

    @Test
    void everyControllerDeclaresWhoMayCallIt() {
        Set<Class<?>> controllers = scan(RestController.class, Controller.class);
        assertThat(controllers.stream().filter(c -> ACCESS_RULES.stream().noneMatch(c::isAnnotationPresent))
                .map(Class::getName)).as("controllers without an access annotation").isEmpty();
    }

    @Test
    void theOnlyAnonymousHttpPathsAreHealth() {
        assertThat(dev.cairn.app.security.SecurityRules.anonymousPaths())
                .containsExactlyInAnyOrder("/actuator/health", "/actuator/health/**");
    }

    @SafeVarargs
    private static Set<Class<?>> scan(Class<? extends Annotation>... annotations) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        for (Class<? extends Annotation> annotation : annotations) {
            scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        }
        return everyModule().stream().flatMap(root -> scanner.findCandidateComponents(root).stream()).map(RouteInventoryTest::load)
                .filter(c -> !c.getName().contains("Test")).collect(Collectors.toSet());
    }

    private static Set<Class<?>> scanErrorViews() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
                com.vaadin.flow.router.HasErrorParameter.class));
        return everyModule().stream().flatMap(root -> scanner.findCandidateComponents(root).stream()).map(RouteInventoryTest::load)
                .collect(Collectors.toSet());
    }

    /** The platform's packages and every plugin's, wherever a plugin lives. */
    private static List<String> everyModule() {
        var roots = new java.util.ArrayList<>(dev.cairn.app.support.DiscoveredPlugins.packages());
        roots.add("dev.cairn");
        return roots;
    }

    private static Class<?> load(org.springframework.beans.factory.config.BeanDefinition definition) {
        try {
            return Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
