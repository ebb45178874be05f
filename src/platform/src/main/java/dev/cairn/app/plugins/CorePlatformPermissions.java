package dev.cairn.app.plugins;

import dev.cairn.api.plugin.PermissionDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/** Offers the platform's own permissions (projects, members, jobs, users, audit log) to the registry, as the API's are. */
@Component
class CorePlatformPermissions implements PlatformPermissionSource {

    @Override
    public List<PermissionDefinition> permissions() {
        return PlatformPermissions.ALL;
    }
}
