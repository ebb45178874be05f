package dev.cairn.app.plugins;

import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StagePlugin;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The registered stage plugins, validated once at start-up: a plugin with a duplicate id, or a
 * route, permission or lineage type not prefixed with its id, stops the application with a message
 * naming the plugin and the offending entry.
 */
@Component
public class PluginRegistry {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    /** The platform's own route prefixes and permission areas: a plugin with one of these ids would shadow them. */
    static final Set<String> RESERVED_IDS = Set.of("api", "platform", "admin", "account", "project", "projects", "lineage",
            "jobs", "login", "logout", "files", "cairn");

    private final List<StagePlugin> plugins;
    // Checked on every service call and view: read from the declarations once.
    private final List<PermissionDefinition> permissions;
    private final List<PermissionDefinition> platformPermissions;
    private final java.util.Set<PermissionDefinition> declaredPermissions;

    public PluginRegistry(List<StagePlugin> plugins) {
        this(plugins, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public PluginRegistry(List<StagePlugin> plugins, List<PlatformPermissionSource> platform) {
        validate(plugins);
        this.plugins = plugins.stream().sorted(Comparator.comparing(StagePlugin::stage).thenComparing(StagePlugin::id)).toList();
        this.permissions = this.plugins.stream().flatMap(plugin -> plugin.permissions().stream()).toList();
        this.platformPermissions = platform.stream().flatMap(source -> source.permissions().stream()).toList();
        this.declaredPermissions = java.util.Set.copyOf(java.util.stream.Stream.concat(permissions.stream(),
                platformPermissions.stream()).toList());
    }

    public List<StagePlugin> plugins() {
        return plugins;
    }

    public List<StagePlugin> forStage(Stage stage) {
        return plugins.stream().filter(plugin -> plugin.stage() == stage).toList();
    }

    public Optional<StagePlugin> byId(String id) {
        return plugins.stream().filter(plugin -> plugin.id().equals(id)).findFirst();
    }

    /** Whether a plugin or the platform declared exactly this permission (same id, description and audience). */
    public boolean isDeclaredPermission(PermissionDefinition permission) {
        return declaredPermissions.contains(permission);
    }

    /** Every permission the plugins declare. */
    public List<PermissionDefinition> permissions() {
        return permissions;
    }

    /** The platform's own permissions (the REST API's reads), declared beside the plugins'. */
    public List<PermissionDefinition> platformPermissions() {
        return platformPermissions;
    }

    public boolean isDeclaredLineageType(String type) {
        return plugins.stream().anyMatch(plugin -> plugin.lineageTypes().artifactTypes().contains(type)
                || plugin.lineageTypes().executionTypes().contains(type));
    }

    /** The entry's URL for a project: its @Route (validated by the registry) plus the project id. */
    public static String urlOf(NavigationEntry entry, String projectId) {
        return routeOf(entry) + "/" + projectId;
    }

    /** The entry's @Route value (the registry checked at start-up that there is one). */
    public static String routeOf(NavigationEntry entry) {
        return entry.view().getAnnotation(com.vaadin.flow.router.Route.class).value();
    }

    static void validate(List<StagePlugin> plugins) {
        Set<String> ids = new HashSet<>();
        for (StagePlugin plugin : plugins) {
            String id = plugin.id();
            String name = plugin.getClass().getName();
            if (id == null || !ID.matcher(id).matches()) {
                throw new PluginConfigurationException("Plugin " + name + " has an invalid id '" + id
                        + "': use 2-31 lower-case letters, digits or dashes");
            }
            if (RESERVED_IDS.contains(id)) {
                throw new PluginConfigurationException("Plugin " + name + " has the id '" + id
                        + "', which the platform keeps for its own routes and permissions: choose another");
            }
            if (!ids.add(id)) {
                throw new PluginConfigurationException("Two plugins have the id '" + id + "' (one is " + name + ")");
            }
            Set<Class<?>> routed = new HashSet<>(plugin.routes());
            for (NavigationEntry entry : java.util.stream.Stream.concat(plugin.navigation().stream(),
                    plugin.tenantNavigation().stream()).toList()) {
                if (!routed.contains(entry.view())) {
                    throw new PluginConfigurationException("Plugin '" + id + "': navigation view " + entry.view().getName()
                            + " is missing from its routes()");
                }
            }
            for (Class<?> view : plugin.routes()) {
                Route route = view.getAnnotation(Route.class);
                if (route == null || !route.value().startsWith(id + "/")) {
                    throw new PluginConfigurationException("Plugin '" + id + "': view " + view.getName()
                            + " must have a @Route starting with '" + id + "/', found "
                            + (route == null ? "no @Route" : "'" + route.value() + "'"));
                }
            }
            for (PermissionDefinition permission : plugin.permissions()) {
                requirePrefix(id, "permission", permission.id());
            }
            plugin.lineageTypes().artifactTypes().forEach(type -> requirePrefix(id, "lineage type", type));
            plugin.lineageTypes().executionTypes().forEach(type -> requirePrefix(id, "lineage type", type));
        }
    }

    private static void requirePrefix(String id, String what, String value) {
        if (value == null || !value.startsWith(id + ".") || value.length() == id.length() + 1) {
            throw new PluginConfigurationException("Plugin '" + id + "': " + what + " '" + value
                    + "' must be prefixed '" + id + ".'");
        }
    }

    public static class PluginConfigurationException extends IllegalStateException {
        PluginConfigurationException(String message) {
            super(message);
        }
    }
}
