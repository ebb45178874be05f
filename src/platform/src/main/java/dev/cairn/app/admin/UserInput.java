package dev.cairn.app.admin;

import dev.cairn.api.security.Role;
import dev.cairn.app.ui.FieldRefusal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of user fields, with messages that name the field. */
final class UserInput {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,79}");

    private UserInput() {
    }

    static String username(String username) {
        String clean = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(clean).matches()) {
            throw new FieldRefusal("username", "Username must be 3-80 characters: letters, digits, '.', '_', '@' or '-'.");
        }
        return clean;
    }

    static String displayName(String displayName) {
        String clean = displayName == null ? "" : displayName.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new FieldRefusal("displayName", "Display name is required (at most 120 characters).");
        }
        return clean;
    }

    static Set<Role> tenantRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new FieldRefusal("roles", "Choose at least one role.");
        }
        if (roles.contains(Role.PLATFORM_ADMIN)) {
            throw new FieldRefusal("roles", "The platform admin role cannot be given inside a tenant.");
        }
        return Set.copyOf(roles);
    }
}
