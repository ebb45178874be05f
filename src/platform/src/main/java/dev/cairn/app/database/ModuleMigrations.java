package dev.cairn.app.database;

import dev.cairn.api.plugin.StagePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates every module with a Flyway of its own (docs/adr/0008-one-migration-history-per-module.md):
 * first the platform, then each plugin by id (a plugin may reference platform tables, never
 * another plugin's, so no other order matters), then, once, the after-all callbacks (PostgreSQL:
 * row-level security and grants, which must see every module's tables).
 *
 * <p>A plugin's migrations are found by its id, from the registered {@link StagePlugin} beans: a
 * plugin jar that ships {@code cairn/db/<id>/V1__….sql} is migrated without any list to edit. Every
 * module's Flyway shares the platform's configuration ({@code spring.flyway.*}: connection, owner
 * credentials, placeholders, init SQL) and differs only in its location and history table.
 */
public class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    /** Every module's history table, for the after-all callbacks (the app role gets none of them). */
    static final String HISTORY_TABLES_PLACEHOLDER = "historytables";

    private final Configuration platform;
    private final List<MigrationModule> modules;
    private final MigrationProperties properties;

    public ModuleMigrations(Flyway platformFlyway, List<StagePlugin> plugins, MigrationProperties properties) {
        this.platform = platformFlyway.getConfiguration();
        this.properties = properties;
        List<MigrationModule> ordered = new ArrayList<>();
        ordered.add(MigrationModule.platform());
        plugins.stream().map(StagePlugin::id).sorted(Comparator.naturalOrder()).distinct()
                .map(MigrationModule::new)
                .filter(this::shipsMigrations)
                .forEach(ordered::add);
        this.modules = List.copyOf(ordered);
    }

    /** The modules in the order they migrate: the platform, then the plugins that ship scripts, by id. */
    public List<String> moduleIds() {
        return modules.stream().map(MigrationModule::id).toList();
    }

    public void migrate() {
        LegacyHistory.upgrade(platform.getDataSource(), modules, this::flywayOf);
        for (MigrationModule module : modules) {
            migrate(module);
        }
        runAfterAllCallbacks();
    }

    Flyway flywayOf(MigrationModule module) {
        var configuration = Flyway.configure(platform.getClassLoader()).configuration(platform)
                .locations(module.location())
                .table(module.historyTable());
        if (!module.isPlatform()) {
            // A plugin's history starts in a default schema that already holds the platform's
            // tables; Flyway refuses a non-empty schema without a history unless told where the
            // history begins: before the plugin's V1 (so every script of it runs).
            configuration.baselineOnMigrate(true).baselineVersion("0")
                    .baselineDescription("before the first migration of plugin " + module.id());
        }
        return configuration.load();
    }

    private void migrate(MigrationModule module) {
        Flyway flyway = flywayOf(module);
        try {
            int applied = flyway.migrate().migrationsExecuted;
            log.info("Module {}: {} migration(s) applied from {} (history {})", module.id(), applied, module.location(), module.historyTable());
        } catch (FlywayException e) {
            throw new ModuleMigrationException("Migrations of module '" + module.id() + "' failed at "
                    + failedScript(flyway).orElse("the validation of its history " + module.historyTable())
                    + " (" + module.location() + "): " + e.getMessage(), e);
        }
    }

    /** The script that failed: the one recorded as failed, else (rolled back) the first still pending. */
    private static Optional<String> failedScript(Flyway flyway) {
        try {
            MigrationInfo[] all = flyway.info().all();
            return Arrays.stream(all).filter(info -> info.getState().isFailed()).findFirst()
                    .or(() -> Arrays.stream(all).filter(info -> info.getState() == MigrationState.PENDING).findFirst())
                    .map(MigrationInfo::getScript);
        } catch (FlywayException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Flyway runs callbacks only around a command, so the after-all callbacks run around a migrate
     * of the platform's history with no scripts of its own to apply. It does not validate that
     * history against its (empty) locations: the platform module's own migrate just did.
     */
    private void runAfterAllCallbacks() {
        if (properties.afterAllLocations().isEmpty()) {
            return;
        }
        Map<String, String> placeholders = new HashMap<>(platform.getPlaceholders());
        placeholders.put(HISTORY_TABLES_PLACEHOLDER, historyTables());
        try {
            Flyway.configure(platform.getClassLoader()).configuration(platform)
                    .locations(properties.afterAllLocations().toArray(String[]::new))
                    .table(MigrationModule.platform().historyTable())
                    .validateOnMigrate(false)
                    .placeholders(placeholders)
                    .load().migrate();
        } catch (FlywayException e) {
            throw new ModuleMigrationException("The after-all migration callbacks (" + String.join(", ", properties.afterAllLocations())
                    + ") failed: " + e.getMessage(), e);
        }
    }

    private String historyTables() {
        List<String> tables = new ArrayList<>(modules.stream().map(MigrationModule::historyTable).toList());
        tables.add(LegacyHistory.RENAMED);
        return tables.stream().collect(Collectors.joining(","));
    }

    private boolean shipsMigrations(MigrationModule module) {
        try {
            var scripts = new PathMatchingResourcePatternResolver(platform.getClassLoader())
                    .getResources("classpath*:cairn/db/" + module.id() + "/*.sql");
            if (scripts.length == 0) {
                log.info("Plugin {} ships no migrations (nothing at classpath:cairn/db/{}/)", module.id(), module.id());
            }
            return scripts.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for the migrations of plugin " + module.id(), e);
        }
    }
}
