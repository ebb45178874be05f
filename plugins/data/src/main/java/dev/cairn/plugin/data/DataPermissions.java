package dev.cairn.plugin.data;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Audience;

/** The data stage's permissions, declared once; services require them, views ask for them. */
public final class DataPermissions {

    public static final PermissionDefinition REGISTER = new PermissionDefinition("data.register",
            "register datasets", Audience.CONTRIBUTORS);

    private DataPermissions() {
    }
}
