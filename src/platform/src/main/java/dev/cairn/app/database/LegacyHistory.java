package dev.cairn.app.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade from the single migration history (one {@code flyway_schema_history} for every
 * module, versions V1..V7 of the old db/migration) to one history per module
 * (docs/adr/0008-one-migration-history-per-module.md).
 *
 * <p>When the old table is there, each built-in module's new history is baselined at the version
 * whose scripts the old history had already applied (the new scripts are the old ones split by
 * owner, see {@link #EQUIVALENTS}), so the module then goes on with its later scripts only. Then
 * the old table is renamed {@value #RENAMED} (kept for the record, never read again). A start that
 * stopped half-way is safe to repeat: a module whose new history exists is left alone, and the old
 * table keeps its name until every module has its baseline.
 */
final class LegacyHistory {

    static final String TABLE = "flyway_schema_history";
    static final String RENAMED = "flyway_schema_history_legacy";

    /**
     * For each module that existed under the single history: the old versions that hold its
     * scripts, in the order of its new versions (the n-th entry is its new V n).
     */
    static final Map<String, List<String>> EQUIVALENTS = Map.of(
            // V1__platform, V5__session_revocation, V6__job_heartbeat_outbox_claim, V7__audit_entry_time_index
            MigrationModule.PLATFORM, List.of("1", "5", "6", "7"),
            // V2__stage_tables (problem_statement), V3__scoping_document, V4__scoping_collaboration
            "scoping", List.of("2", "3", "4"),
            // V2__stage_tables: one table each
            "data", List.of("2"),
            "modeling", List.of("2"),
            "deployment", List.of("2"));

    private static final Logger log = LoggerFactory.getLogger(LegacyHistory.class);

    private LegacyHistory() {
    }

    /**
     * Carries the old history over, if there is one; a no-op on a new database and on every start
     * after the first. {@code flywayOf} gives a module's Flyway (its location and history table).
     */
    static void upgrade(DataSource dataSource, List<MigrationModule> modules, Function<MigrationModule, Flyway> flywayOf) {
        Set<String> applied;
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, TABLE)) {
                return;
            }
            applied = appliedVersions(connection);
        } catch (SQLException e) {
            throw new ModuleMigrationException("Cannot read the single migration history " + TABLE + ": " + e.getMessage(), e);
        }
        log.info("Found the single migration history {} (versions {}): giving each module a history of its own", TABLE, applied);
        for (MigrationModule module : modules) {
            List<String> oldVersions = EQUIVALENTS.getOrDefault(module.id(), List.of());
            int baseline = baselineVersion(oldVersions, applied);
            if (baseline == 0) {
                continue;
            }
            Flyway flyway = flywayOf.apply(module);
            if (flyway.info().applied().length > 0) {
                continue; // baselined by an earlier start that stopped before the rename
            }
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .baselineVersion(Integer.toString(baseline))
                    .baselineDescription("carried over from " + TABLE + " (old versions " + oldVersions.subList(0, baseline) + ")")
                    .load().baseline();
            log.info("Module {}: history {} baselined at V{}", module.id(), module.historyTable(), baseline);
        }
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE \"" + TABLE + "\" RENAME TO \"" + RENAMED + "\"");
        } catch (SQLException e) {
            throw new ModuleMigrationException("Cannot rename " + TABLE + " to " + RENAMED + ": " + e.getMessage(), e);
        }
        log.info("The single migration history is kept as {}", RENAMED);
    }

    /** The module's highest new version whose old scripts were all applied, in order; 0 for none. */
    static int baselineVersion(List<String> oldVersions, Set<String> applied) {
        int baseline = 0;
        while (baseline < oldVersions.size() && applied.contains(oldVersions.get(baseline))) {
            baseline++;
        }
        return baseline;
    }

    private static Set<String> appliedVersions(Connection connection) throws SQLException {
        Set<String> known = new LinkedHashSet<>();
        EQUIVALENTS.values().forEach(known::addAll);
        Set<String> applied = new LinkedHashSet<>();
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"script\", \"success\" FROM \"" + TABLE
                     + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(3)) {
                    throw new ModuleMigrationException("The single migration history " + TABLE + " records a failed migration ("
                            + rows.getString(2) + "): repair it with the Cairn version that wrote it before upgrading");
                }
                if (!known.contains(version)) {
                    throw new ModuleMigrationException("The single migration history " + TABLE + " has version " + version
                            + " (" + rows.getString(2) + "), which this Cairn cannot carry over (it knows V1..V7)");
                }
                applied.add(version);
            }
        }
        return applied;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
