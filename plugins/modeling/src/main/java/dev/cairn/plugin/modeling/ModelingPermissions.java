package dev.cairn.plugin.modeling;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/** The modeling stage's permissions, declared once; services require them, views ask for them. */
public final class ModelingPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("modeling.read",
            "see a project's baselines", Audience.EVERYONE);
    public static final PermissionDefinition RECORD_BASELINE = new PermissionDefinition("modeling.record-baseline",
            "record and edit baselines", Audience.CONTRIBUTORS);
    public static final PermissionDefinition DELETE_BASELINE = new PermissionDefinition("modeling.delete-baseline",
            "delete baselines", Audience.MANAGERS);

    static final List<PermissionDefinition> ALL = List.of(READ, RECORD_BASELINE, DELETE_BASELINE);

    private ModelingPermissions() {
    }
}
