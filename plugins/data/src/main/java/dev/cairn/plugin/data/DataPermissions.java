package dev.cairn.plugin.data;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/** The data stage's permissions, declared once; services require them, views ask for them. */
public final class DataPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("data.read",
            "see a project's datasets", Audience.EVERYONE);
    public static final PermissionDefinition REGISTER = new PermissionDefinition("data.register",
            "register and edit datasets", Audience.CONTRIBUTORS);
    public static final PermissionDefinition DELETE = new PermissionDefinition("data.delete",
            "delete datasets", Audience.MANAGERS);

    static final List<PermissionDefinition> ALL = List.of(READ, REGISTER, DELETE);

    private DataPermissions() {
    }
}
