package com.example.cairn.notes;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;

/** The example plugin's permissions. */
public final class NotesPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("example.read", "read example notes", Audience.EVERYONE);
    public static final PermissionDefinition WRITE = new PermissionDefinition("example.write", "write example notes", Audience.CONTRIBUTORS);

    private NotesPermissions() {
    }
}
