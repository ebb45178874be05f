package dev.cairn.app.shell;

import dev.cairn.app.plugins.PluginRegistry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.cairn.api.plugin.StagePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every plugin's views with Vaadin's router when the Vaadin service starts. Vaadin finds
 * {@code @Route} classes only in the application's own package; a plugin lives in any package (a
 * third party's is not under dev.cairn), so its routes come from its declaration instead. Each view
 * keeps the path and layout of its own {@code @Route}; PluginRegistry has checked the path prefix.
 */
@org.springframework.stereotype.Component
class PluginRoutes implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PluginRoutes.class);

    private final PluginRegistry plugins;

    PluginRoutes(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        for (StagePlugin plugin : plugins.plugins()) {
            for (Class<? extends Component> view : plugin.routes()) {
                if (!routes.isRouteRegistered(view)) {
                    routes.setAnnotatedRoute(view);
                }
            }
            log.info("Plugin '{}' registered {} route(s)", plugin.id(), plugin.routes().size());
        }
    }
}
