package dev.cairn.api.plugin;

import java.util.List;

/**
 * What a lifecycle stage contributes to Cairn. A plugin is a Spring bean implementing this
 * interface; the platform validates all plugins at start-up (unique ids, routes and lineage types
 * prefixed with the plugin id) and builds the navigation and project page from them.
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

    /** Permissions the plugin defines, with the roles that hold them by default. */
    List<PermissionDefinition> permissions();

    /** Lineage node types the plugin records (namespaced "id.type"). */
    LineageTypes lineageTypes();

    /** The checks that decide whether a project passes this stage's gate. */
    List<StageGateCheck> gateChecks();
}
