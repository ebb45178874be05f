package dev.cairn.plugin.scoping;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Audience;
import java.util.List;

/** The scoping stage's permissions, declared once; services require them, views ask for them. */
public final class ScopingPermissions {

    public static final PermissionDefinition READ = new PermissionDefinition("scoping.read",
            "read scoping documents and the portfolio", Audience.EVERYONE);
    public static final PermissionDefinition EDIT = new PermissionDefinition("scoping.edit",
            "write the scoping document", Audience.MANAGERS);
    public static final PermissionDefinition REVIEW = new PermissionDefinition("scoping.review",
            "approve or reject the scoping document", Audience.MANAGERS);
    public static final PermissionDefinition SIGN_OFF_ETHICS = new PermissionDefinition("scoping.sign-off-ethics",
            "sign off the ethics review", Audience.MANAGERS);
    public static final PermissionDefinition COMMENT = new PermissionDefinition("scoping.comment",
            "comment on the scoping document", Audience.CONTRIBUTORS);

    static final List<PermissionDefinition> ALL = List.of(READ, EDIT, REVIEW, SIGN_OFF_ETHICS, COMMENT);

    private ScopingPermissions() {
    }
}
