package dev.cairn.app.security;

import dev.cairn.api.plugin.PermissionDefinition;
import java.util.Set;

/**
 * An authentication that holds only part of its user's rights: an API token scoped to a set of
 * permissions. {@link PolicyPermissionCheck} grants a permission only when the role policy grants
 * it to the principal's roles and this scope includes it.
 */
public interface PermissionScope {

    /**
     * The ids of the permissions this authentication may use, or null when it narrows by role only
     * (then its principal's roles already are the narrowed ones, and every permission they grant is in scope).
     */
    Set<String> permissionIds();

    default boolean includes(PermissionDefinition permission) {
        Set<String> ids = permissionIds();
        return ids == null || ids.contains(permission.id());
    }
}
