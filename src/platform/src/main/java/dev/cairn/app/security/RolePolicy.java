package dev.cairn.app.security;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import dev.cairn.api.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one role-to-permission policy: which roles make up each audience a plugin can grant a
 * permission to. The platform admin belongs to no tenant and holds no plugin permission. The role
 * matrix test (RoleMatrixTest) takes its expectations for plugin actions from here, and
 * docs/admin-guide.md prints the same table.
 */
@Component
public class RolePolicy {

    public Set<Role> rolesOf(Audience audience) {
        return switch (audience) {
            case EVERYONE -> EnumSet.of(Role.TENANT_ADMIN, Role.PROJECT_MANAGER, Role.MEMBER, Role.VIEWER);
            case CONTRIBUTORS -> EnumSet.of(Role.TENANT_ADMIN, Role.PROJECT_MANAGER, Role.MEMBER);
            case MANAGERS -> EnumSet.of(Role.TENANT_ADMIN, Role.PROJECT_MANAGER);
            case TENANT_ADMINS -> EnumSet.of(Role.TENANT_ADMIN);
        };
    }

    public Set<Role> rolesHolding(PermissionDefinition permission) {
        return rolesOf(permission.audience());
    }

    public boolean grants(Collection<Role> roles, PermissionDefinition permission) {
        return roles.stream().anyMatch(rolesHolding(permission)::contains);
    }
}
