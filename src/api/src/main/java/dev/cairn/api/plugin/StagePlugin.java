package dev.cairn.api.plugin;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a lifecycle stage contributes to Cairn. A plugin is a Spring bean implementing this
 * interface, registered by the plugin's own Spring Boot auto-configuration (listed in its jar's
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}), so a
 * plugin in any package is found. The platform validates all plugins at start-up (unique ids,
 * routes, permissions and lineage types prefixed with the plugin id), registers their routes with
 * Vaadin's router, and builds the navigation and project page from them.
 */
public interface StagePlugin {

    /** Short lower-case id, used as the prefix of the plugin's routes, permissions and lineage types. */
    String id();

    Stage stage();

    /** Entries of the project navigation: each names a view that takes the project id as parameter. */
    List<NavigationEntry> navigation();

    /**
     * Entries of the main navigation, outside any project (e.g. a tenant-wide portfolio): views
     * without a parameter, routed under the plugin id like the others. None by default.
     */
    default List<NavigationEntry> tenantNavigation() {
        return List.of();
    }

    /**
     * Every {@code @Route} view of the plugin, registered by the platform at start-up (Vaadin scans
     * only the application's own package). By default the views of both navigations; a plugin with
     * pages reached by links only (a detail page) adds them here.
     */
    default List<Class<? extends Component>> routes() {
        return Stream.concat(navigation().stream(), tenantNavigation().stream())
                .<Class<? extends Component>>map(NavigationEntry::view).distinct().toList();
    }

    /** Permissions the plugin defines, with the roles that hold them by default. */
    List<PermissionDefinition> permissions();

    /** Lineage node types the plugin records (namespaced "id.type"). */
    LineageTypes lineageTypes();

    /** The checks that decide whether a project passes this stage's gate. */
    List<StageGateCheck> gateChecks();
}
