package dev.cairn.api.security;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.CurrentUser.UserInfo;

/**
 * The one permission check for services and views. Services call {@link #require} before they act
 * (a view hiding a button is not access control); views call {@link #can} to decide what to show.
 * Only permissions declared by a plugin can be checked.
 */
public interface PermissionCheck {

    /** Whether the signed-in user holds the permission; false when nobody is signed in. */
    boolean can(PermissionDefinition permission);

    /** The signed-in user when they hold the permission, else {@link AccessDeniedException} naming it. */
    UserInfo require(PermissionDefinition permission);
}
