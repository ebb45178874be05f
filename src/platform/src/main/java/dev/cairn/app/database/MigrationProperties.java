package dev.cairn.app.database;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the modules' migrations run (the connection, owner credentials, placeholders and init SQL
 * are Spring Boot's own {@code spring.flyway.*}, shared by every module).
 *
 * @param afterAllLocations Flyway locations whose callbacks run once, after every module has
 *                          migrated (PostgreSQL: row-level security and grants on every module's
 *                          tables); none by default
 */
@ConfigurationProperties("cairn.migrations")
public record MigrationProperties(List<String> afterAllLocations) {

    public MigrationProperties {
        afterAllLocations = afterAllLocations == null ? List.of() : List.copyOf(afterAllLocations);
    }
}
