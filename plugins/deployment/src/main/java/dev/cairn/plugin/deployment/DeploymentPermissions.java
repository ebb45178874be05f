package dev.cairn.plugin.deployment;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/** The deployment stage's permissions, declared once; services require them, views ask for them. */
public final class DeploymentPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("deployment.read",
            "see a project's deployment targets", Audience.EVERYONE);
    public static final PermissionDefinition DEFINE_TARGET = new PermissionDefinition("deployment.define-target",
            "define, edit and delete deployment targets", Audience.MANAGERS);

    static final List<PermissionDefinition> ALL = List.of(READ, DEFINE_TARGET);

    private DeploymentPermissions() {
    }
}
