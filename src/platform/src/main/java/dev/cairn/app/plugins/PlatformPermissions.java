package dev.cairn.app.plugins;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/**
 * The platform's own permissions, declared as plugins declare theirs and granted by the same
 * {@link dev.cairn.app.security.RolePolicy}, so the role table in docs/admin-guide.md and RoleMatrixTest cover them too.
 * The platform admin's tenant management is not among them: the platform admin belongs to no
 * tenant and holds no tenant permission, so those actions stay a platform-admin check.
 */
public final class PlatformPermissions {

    public static final PermissionDefinition CREATE_PROJECT =
            new PermissionDefinition("platform.create-project", "create projects", Audience.MANAGERS);
    public static final PermissionDefinition MANAGE_MEMBERS =
            new PermissionDefinition("platform.manage-members", "manage project members", Audience.MANAGERS);
    public static final PermissionDefinition START_JOBS =
            new PermissionDefinition("platform.start-jobs", "start jobs", Audience.CONTRIBUTORS);
    public static final PermissionDefinition MANAGE_USERS =
            new PermissionDefinition("platform.manage-users", "manage the tenant's users", Audience.TENANT_ADMINS);
    public static final PermissionDefinition READ_AUDIT_LOG =
            new PermissionDefinition("platform.read-audit-log", "read the audit log", Audience.TENANT_ADMINS);

    public static final List<PermissionDefinition> ALL =
            List.of(CREATE_PROJECT, MANAGE_MEMBERS, START_JOBS, MANAGE_USERS, READ_AUDIT_LOG);

    private PlatformPermissions() {
    }
}
