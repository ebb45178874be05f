package dev.cairn.plugin.deployment;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Audience;

/** The deployment stage's permissions, declared once; services require them, views ask for them. */
public final class DeploymentPermissions {

    public static final PermissionDefinition DEFINE_TARGET = new PermissionDefinition("deployment.define-target",
            "define deployment targets", Audience.MANAGERS);

    private DeploymentPermissions() {
    }
}
