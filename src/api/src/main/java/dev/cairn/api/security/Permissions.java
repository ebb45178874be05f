package dev.cairn.api.security;

import dev.cairn.api.security.CurrentUser.UserInfo;

/** Service-side role checks: a view annotation alone is not access control. */
public final class Permissions {

    private Permissions() {
    }

    /** Returns the user when they hold one of the roles, else throws {@link AccessDeniedException}. */
    public static UserInfo requireAnyRole(CurrentUser currentUser, String action, Role... roles) {
        UserInfo user = currentUser.require();
        if (!user.hasAnyRole(roles)) {
            throw new AccessDeniedException("You are not allowed to " + action + ".");
        }
        return user;
    }
}
