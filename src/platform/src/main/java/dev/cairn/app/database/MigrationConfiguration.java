package dev.cairn.app.database;

import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where migrations run. Spring Boot's Flyway auto-configuration still builds the platform's Flyway
 * from {@code spring.flyway.*}, but its initializer, which runs before the jOOQ context exists,
 * migrates nothing: the plugins' migrations are found from the StagePlugin beans, and those beans
 * need the jOOQ context, so the migrations run once the plugins exist (this configuration's
 * {@link ModuleMigrations} bean, on its creation),
 * which is still before any bean reads the database (the first reads are
 * SmartInitializingSingleton callbacks and start-up events, which come after every bean exists).
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    FlywayMigrationStrategy migrationsRunOnceThePluginsAreKnown() {
        return flyway -> {
        };
    }

    @Bean(initMethod = "migrate")
    ModuleMigrations moduleMigrations(Flyway flyway, List<StagePlugin> plugins, MigrationProperties properties) {
        return new ModuleMigrations(flyway, plugins, properties);
    }
}
