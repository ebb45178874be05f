package dev.cairn.app.security;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PluginRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link PermissionCheck} by the {@link RolePolicy}. A permission no plugin declared is a
 * programming error, refused loudly: a check against an ad-hoc permission would grant whatever
 * its author wrote into it.
 */
@Component
class PolicyPermissionCheck implements PermissionCheck {

    private final CurrentUser currentUser;
    private final RolePolicy policy;
    // Plugins' services use this check, and the registry holds the plugins: resolved on first use.
    private final ObjectProvider<PluginRegistry> registry;

    PolicyPermissionCheck(CurrentUser currentUser, RolePolicy policy, ObjectProvider<PluginRegistry> registry) {
        this.currentUser = currentUser;
        this.policy = policy;
        this.registry = registry;
    }

    @Override
    public boolean can(PermissionDefinition permission) {
        requireDeclared(permission);
        return currentUser.get().map(user -> policy.grants(user.roles(), permission) && withinScope(permission)).orElse(false);
    }

    @Override
    public UserInfo require(PermissionDefinition permission) {
        requireDeclared(permission);
        UserInfo user = currentUser.require();
        if (!policy.grants(user.roles(), permission) || !withinScope(permission)) {
            throw new AccessDeniedException("You are not allowed to " + permission.description() + ".");
        }
        return user;
    }

    /** An API token scoped to permissions holds no other, whatever its user's roles grant. */
    private static boolean withinScope(PermissionDefinition permission) {
        return !(SecurityContextHolder.getContext().getAuthentication() instanceof PermissionScope scope)
                || scope.includes(permission);
    }

    private void requireDeclared(PermissionDefinition permission) {
        // The registry holds the plugins' permissions and the platform's own (CorePlatformPermissions, ApiPermissions).
        if (!registry.getObject().isDeclaredPermission(permission)) {
            throw new IllegalStateException("Permission " + permission.id() + " is not declared by the platform or any plugin");
        }
    }
}
