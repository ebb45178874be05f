package dev.cairn.app.security;

import java.util.List;

/** The HTTP paths open to anonymous users, outside Vaadin's own login and static resources. */
public final class SecurityRules {

    private static final String[] ANONYMOUS_PATHS = {"/actuator/health", "/actuator/health/**"};

    private SecurityRules() {
    }

    public static List<String> anonymousPaths() {
        return List.of(ANONYMOUS_PATHS);
    }

    static String[] anonymousPathArray() {
        return ANONYMOUS_PATHS.clone();
    }
}
