package dev.cairn.app.admin;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of tenant fields; each message starts with the field's name, which puts it on that field in a form. */
final class TenantInput {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private TenantInput() {
    }

    static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new IllegalArgumentException("Tenant name is required (at most 120 characters).");
        }
        return clean;
    }

    static String slug(String slug) {
        String clean = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(clean).matches()) {
            throw new IllegalArgumentException("Slug must be 2-40 lower-case letters, digits or '-', starting with a letter.");
        }
        return clean;
    }
}
