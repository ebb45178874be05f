package dev.cairn.app.lineage;

import java.util.function.Predicate;

/** Checks of what a plugin records, with messages that name the offending value. */
final class LineageInput {

    private LineageInput() {
    }

    /** Types are contributed by plugins; an undeclared one is most likely a typo in a plugin. */
    static String declaredType(String type, Predicate<String> declared) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("A lineage type is required");
        }
        if (!declared.test(type)) {
            throw new IllegalArgumentException("Lineage type '" + type
                    + "' is not declared by any plugin (StagePlugin.lineageTypes())");
        }
        return type;
    }

    static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A lineage node needs a name");
        }
        if (clean.length() > 200) {
            throw new IllegalArgumentException("A lineage node name has at most 200 characters");
        }
        return clean;
    }

    static String uri(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String clean = uri.strip();
        if (clean.length() > 1000) {
            throw new IllegalArgumentException("An artifact URI has at most 1000 characters");
        }
        return clean;
    }
}
