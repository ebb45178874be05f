package dev.cairn.app.database;

/** A module's migrations failed: start-up stops, naming the module and the script. */
public class ModuleMigrationException extends RuntimeException {

    ModuleMigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    ModuleMigrationException(String message) {
        super(message);
    }
}
