package dev.cairn.app.security;

import dev.cairn.api.plugin.PermissionDefinition;

/**
 * An authentication that holds only part of its user's rights: an API token scoped to a set of
 * permissions. {@link PolicyPermissionCheck} grants a permission only when the role policy grants
 * it to the principal's roles and this scope includes it.
 */
public interface PermissionScope {

    boolean includes(PermissionDefinition permission);
}
