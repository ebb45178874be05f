package dev.cairn.app.shell;

import dev.cairn.app.testing.AppWebTest;
import dev.cairn.app.plugins.PluginRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.cairn.notes.NotesView;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.cairn.api.plugin.StagePlugin;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the real servlet, Vaadin scans only dev.cairn.app for routes: every plugin's views, the
 * third-party test plugin's under com.example included, are in the router because PluginRoutes put
 * them there from the plugins' declarations, each under the application's layout.
 */
@AppWebTest
class PluginRoutesIT {

    @Autowired
    ServletContext servletContext;
    @Autowired
    PluginRegistry plugins;
    @LocalServerPort
    int port;

    @Test
    void everyPluginRouteIsRegisteredUnderTheMainLayout() throws Exception {
        // The first request makes sure the Vaadin service is up.
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);

        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        Map<Class<?>, RouteData> routes = RouteConfiguration.forRegistry(registry).getAvailableRoutes().stream()
                .collect(Collectors.toMap(RouteData::getNavigationTarget, Function.identity()));
        assertThat(plugins.plugins()).extracting(StagePlugin::id).contains("scoping", "data", "modeling", "deployment", "example");
        for (StagePlugin plugin : plugins.plugins()) {
            for (var view : plugin.routes()) {
                assertThat(routes).as(plugin.id() + ": " + view.getName()).containsKey(view);
                assertThat(routes.get(view).getTemplate()).startsWith(plugin.id() + "/");
                // The application's @Layout applies to a plugin route as to its own (resolved by path).
                assertThat(registry.getLayout(routes.get(view).getTemplate())).as(view.getName()).isEqualTo(MainLayout.class);
            }
        }
        assertThat(routes.get(NotesView.class).getTemplate()).isEqualTo("example/notes/:___url_parameter");
    }

    /**
     * A {@code @Route} view that its plugin forgets to declare is not found on the real server,
     * although browserless tests (which scan the classpath themselves) open it: every route class in
     * a plugin's package must reach the router.
     */
    @Test
    void everyRouteViewInAPluginsPackageIsInTheRouter() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        var routed = RouteConfiguration.forRegistry(registry).getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget).map(Class::getName).collect(Collectors.toSet());
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(com.vaadin.flow.router.Route.class));
        for (StagePlugin plugin : plugins.plugins()) {
            var views = scanner.findCandidateComponents(plugin.getClass().getPackageName()).stream()
                    .map(org.springframework.beans.factory.config.BeanDefinition::getBeanClassName).toList();
            assertThat(views).as(plugin.id() + " has route views").isNotEmpty();
            assertThat(routed).as(plugin.id() + ": its @Route views, each declared in routes()").containsAll(views);
        }
    }
}
