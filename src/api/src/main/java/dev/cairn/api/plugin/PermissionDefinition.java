package dev.cairn.api.plugin;

import dev.cairn.api.security.Role;
import java.util.Set;

/** A permission a plugin defines ("{plugin id}.{action}") and the roles that hold it. */
public record PermissionDefinition(String id, String description, Set<Role> grantedTo) {
    public PermissionDefinition {
        grantedTo = Set.copyOf(grantedTo);
    }
}
