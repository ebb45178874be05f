package dev.cairn.app.admin;

import dev.cairn.api.security.Role;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of user fields; each message starts with the field's name, which puts it on that field in a form. */
final class UserInput {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,79}");

    private UserInput() {
    }

    static String username(String username) {
        String clean = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(clean).matches()) {
            throw new IllegalArgumentException("Username must be 3-80 characters: letters, digits, '.', '_', '@' or '-'.");
        }
        return clean;
    }

    static String displayName(String displayName) {
        String clean = displayName == null ? "" : displayName.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new IllegalArgumentException("Display name is required (at most 120 characters).");
        }
        return clean;
    }

    static Set<Role> tenantRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Roles must include at least one role.");
        }
        if (roles.contains(Role.PLATFORM_ADMIN)) {
            throw new IllegalArgumentException("Roles cannot include the platform admin role inside a tenant.");
        }
        return Set.copyOf(roles);
    }
}
