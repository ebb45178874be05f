package dev.cairn.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission a plugin defines, declared once as a constant and checked through
 * {@link dev.cairn.api.security.PermissionCheck}: its id ("{plugin id}.{action}"), what it allows
 * as a verb phrase that completes "You are not allowed to ..." ("register datasets"), and the
 * audience it is granted to. Plugins never name roles: the platform's policy maps audiences to roles.
 */
public record PermissionDefinition(String id, String description, Audience audience) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*");

    public PermissionDefinition {
        Objects.requireNonNull(audience, "audience");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A permission id is '<plugin id>.<action>' in lower case: " + id);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Permission " + id + " needs a description");
        }
    }

    /** The plugin id part of the permission's id. */
    public String pluginId() {
        return id.substring(0, id.indexOf('.'));
    }
}
