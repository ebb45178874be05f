package dev.cairn.app.database;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One module's migrations: the platform's or a plugin's. Each has its own folder on the classpath
 * ({@code cairn/db/<id>/}, versions from V1) and its own Flyway history table, so two modules may
 * both have a V1 and a plugin's versions never collide with another's.
 */
record MigrationModule(String id) {

    static final String PLATFORM = "platform";
    /** Plugin ids as the plugin registry accepts them; checked here too because this runs first. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    MigrationModule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A module's migrations need an id of 2-31 lower-case letters, digits or dashes, not '" + id + "'");
        }
    }

    static MigrationModule platform() {
        return new MigrationModule(PLATFORM);
    }

    boolean isPlatform() {
        return PLATFORM.equals(id);
    }

    /** Where the module ships its scripts: its jar's {@code cairn/db/<id>/}. */
    String location() {
        return "classpath:cairn/db/" + id;
    }

    /** Its Flyway history table, in the connection's default schema. */
    String historyTable() {
        return historyTable(id);
    }

    static String historyTable(String id) {
        return "flyway_history_" + id.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
