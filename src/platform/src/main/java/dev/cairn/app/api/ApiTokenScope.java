package dev.cairn.app.api;

import dev.cairn.api.security.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a token may do: act with one role (never above its user's current highest role), or hold only
 * a set of declared permissions (and only those its user's current roles grant). Exactly one is set.
 */
public record ApiTokenScope(Role role, Set<String> permissionIds) {

    public ApiTokenScope {
        permissionIds = permissionIds == null ? null : Set.copyOf(new TreeSet<>(permissionIds));
        if ((role == null) == (permissionIds == null || permissionIds.isEmpty())) {
            throw new IllegalArgumentException("A token is scoped either to a role or to at least one permission");
        }
        if (role == Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("A token acts within one tenant: the platform admin role cannot be given");
        }
    }

    public static ApiTokenScope ofRole(Role role) {
        return new ApiTokenScope(role, null);
    }

    public static ApiTokenScope ofPermissions(Collection<String> ids) {
        return new ApiTokenScope(null, Set.copyOf(ids));
    }

    public boolean byRole() {
        return role != null;
    }

    /** Rank of a tenant role: a tenant admin outranks a project manager, who outranks a member, then a viewer. */
    static int rank(Role role) {
        return switch (role) {
            case TENANT_ADMIN -> 3;
            case PROJECT_MANAGER -> 2;
            case MEMBER -> 1;
            case VIEWER -> 0;
            case PLATFORM_ADMIN -> -1;
        };
    }

    /** The user's highest tenant role, or null when they hold none. */
    static Role highest(Collection<Role> roles) {
        return roles.stream().filter(Role::isTenantRole).max((a, b) -> Integer.compare(rank(a), rank(b))).orElse(null);
    }

    /**
     * The roles a request with this token acts with, given its user's roles now: the token's role,
     * lowered to the user's highest if the user was downgraded; for a permission scope, the user's roles
     * (the permission set narrows them further).
     */
    Set<Role> effectiveRoles(Collection<Role> userRoles) {
        Role top = highest(userRoles);
        if (top == null) {
            return Set.of();
        }
        if (!byRole()) {
            return userRoles.stream().filter(Role::isTenantRole).collect(Collectors.toUnmodifiableSet());
        }
        return EnumSet.of(rank(role) <= rank(top) ? role : top);
    }

    /** As stored: a role name, or the permission ids separated by spaces. */
    String storedPermissions() {
        return byRole() ? null : String.join(" ", new TreeSet<>(permissionIds));
    }

    static ApiTokenScope stored(String role, String permissions) {
        return role != null ? ofRole(Role.valueOf(role)) : ofPermissions(Arrays.asList(permissions.trim().split("\\s+")));
    }

    /** For lists: "Member" or "api.read-jobs, data.register". */
    public String describe() {
        return byRole() ? role.title() : String.join(", ", new TreeSet<>(permissionIds));
    }
}
