package dev.cairn.plugin.modeling;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Audience;

/** The modeling stage's permissions, declared once; services require them, views ask for them. */
public final class ModelingPermissions {

    public static final PermissionDefinition RECORD_BASELINE = new PermissionDefinition("modeling.record-baseline",
            "record baselines", Audience.CONTRIBUTORS);

    private ModelingPermissions() {
    }
}
