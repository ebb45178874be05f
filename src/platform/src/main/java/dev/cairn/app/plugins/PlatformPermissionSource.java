package dev.cairn.app.plugins;

import dev.cairn.api.plugin.PermissionDefinition;
import java.util.List;

/**
 * Permissions the platform itself declares, beside the plugins' (the REST API's reads of projects,
 * jobs and lineage). Declared the same way, checked through the same PermissionCheck, and offered
 * to API tokens like the plugins' permissions. Their ids are prefixed with a platform area
 * ("api."), which no plugin may take as its id.
 */
public interface PlatformPermissionSource {

    List<PermissionDefinition> permissions();
}
