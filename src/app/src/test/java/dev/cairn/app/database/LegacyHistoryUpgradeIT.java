package dev.cairn.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.CairnApplication;
import dev.cairn.app.database.exampletest.ExampleTestPluginConfiguration;
import dev.cairn.app.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The upgrade path (docs/adr/0008-one-migration-history-per-module.md), on H2 (a file, like the
 * default ./data/cairn) and in the PostgreSQL run: a database migrated by the old single history
 * (a copy of the old db/migration V1..V7 is in src/test/resources/legacy/) starts under the new
 * layout with its data intact, each built-in module's history baselined where the old one stood,
 * the later scripts applied, a new plugin migrated from its V1, and the old table kept under a new
 * name.
 */
class LegacyHistoryUpgradeIT {

    private static final boolean POSTGRES = PostgresTestDatabase.active();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();

    @Test
    void aDatabaseOfTheSingleHistoryStartsUnderOneHistoryPerModuleWithItsDataAndTheLaterScripts() throws Exception {
        Database database = POSTGRES ? postgres() : h2File();
        // The old layout as production databases have it, stopped at V5: the old V6 and V7 (the
        // platform's new V3 and V4) are the later migrations this start must still apply.
        Flyway.configure().dataSource(database.ownerUrl(), database.owner(), "")
                .locations(POSTGRES ? new String[] {"classpath:legacy/migration", "classpath:legacy/postgresql"}
                        : new String[] {"classpath:legacy/migration"})
                .placeholders(Map.of("approle", PostgresTestDatabase.APP_ROLE))
                .initSql(POSTGRES ? "SET cairn.platform = 'on'" : null)
                .target("5").load().migrate();
        seedOldData(database);

        try (ConfigurableApplicationContext context = start(database)) {
            assertThat(context.isRunning()).isTrue();
        }

        try (Connection owner = database.connectAsOwner()) {
            assertThat(values(owner, "SELECT name FROM project WHERE id = '" + PROJECT + "'")).containsExactly("Churn");
            assertThat(values(owner, "SELECT name FROM data.dataset WHERE project_id = '" + PROJECT + "'")).containsExactly("customers");
            assertThat(values(owner, "SELECT business_problem FROM scoping.problem_statement WHERE project_id = '" + PROJECT + "'"))
                    .containsExactly("Customers leave");
            assertThat(values(owner, "SELECT count(*) FROM scoping.canvas")).as("old V3's tables are there").containsExactly("0");
            // The later scripts ran: old V6 (job heartbeat) and V7 (audit index), now the platform's V3 and V4.
            assertThat(values(owner, "SELECT count(heartbeat_at) FROM job")).containsExactly("0");
            assertThat(values(owner, "SELECT count(*) FROM exampletest.note")).as("a new plugin's V1").containsExactly("0");
        }
        assertThat(history(database, "platform")).containsExactly("2 BASELINE", "3 SQL V3__job_heartbeat_outbox_claim.sql",
                "4 SQL V4__audit_entry_time_index.sql", "5 SQL V5__stored_files.sql", "6 SQL V6__tenant_job_limit.sql", "7 SQL V7__event_publication.sql", "8 SQL V8__api_tokens.sql",
                "9 SQL V9__tracking_outbox_large_payloads.sql", "10 SQL V10__user_deletion.sql", "11 SQL V11__job_starter.sql");
        assertThat(history(database, "scoping")).containsExactly("3 BASELINE");
        assertThat(history(database, "data")).containsExactly("1 BASELINE", "2 SQL V2__dataset_version.sql", "3 SQL V3__version_profile.sql",
                "4 SQL V4__dataset_schema.sql", "5 SQL V5__drift_settings.sql", "6 SQL V6__recipe.sql",
                "9 SQL V9__feature_ranking.sql");
        assertThat(history(database, "modeling")).containsExactly("1 BASELINE");
        assertThat(history(database, "deployment")).containsExactly("1 BASELINE");
        assertThat(history(database, "exampletest")).containsExactly("0 BASELINE", "1 SQL V1__note.sql");
        try (Connection owner = database.connectAsOwner()) {
            assertThat(tableExists(owner, LegacyHistory.TABLE)).as("the single history is gone under its old name").isFalse();
            assertThat(values(owner, "SELECT \"script\" FROM \"" + LegacyHistory.RENAMED
                    + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")).as("and kept under the new one")
                    .containsExactly("V1__platform.sql", "V2__stage_tables.sql", "V3__scoping_document.sql",
                            "V4__scoping_collaboration.sql", "V5__session_revocation.sql");
            if (POSTGRES) {
                assertThat(values(owner, "SELECT relforcerowsecurity FROM pg_class WHERE oid = 'exampletest.note'::regclass"))
                        .as("the new plugin's table is under row-level security").containsExactly("t");
            }
        }

        // A second start finds nothing to carry over or apply.
        var afterFirstStart = history(database, "platform");
        try (ConfigurableApplicationContext again = start(database)) {
            assertThat(again.isRunning()).isTrue();
        }
        assertThat(history(database, "platform")).isEqualTo(afterFirstStart);
    }

    /** The application as it starts in production (with the test-only plugin added), on that database. */
    private static ConfigurableApplicationContext start(Database database) {
        return new SpringApplicationBuilder(CairnApplication.class, ExampleTestPluginConfiguration.class)
                .run("--spring.datasource.url=" + database.appUrl(), "--server.port=0", "--server.address=127.0.0.1",
                        "--cairn.mlflow.tracking-uri=", "--cairn.jobs.poll-interval=1h",
                        // The committed production bundle: no Vaadin dev server in a plain start.
                        "--vaadin.productionMode=true");
    }

    private static void seedOldData(Database database) throws SQLException {
        try (Connection owner = database.connectAsOwner(); var statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenant (id, slug, name, enabled, created_at) VALUES ('" + TENANT
                    + "', 'legacy', 'Legacy Ltd', TRUE, CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO project (id, tenant_id, project_key, name, created_by, created_at, version) VALUES ('"
                    + PROJECT + "', '" + TENANT + "', 'CHURN', 'Churn', 'ann', CURRENT_TIMESTAMP, 0)");
            statement.execute("INSERT INTO data.dataset (id, tenant_id, project_id, name, source_uri, created_by, created_at) VALUES ('"
                    + UUID.randomUUID() + "', '" + TENANT + "', '" + PROJECT + "', 'customers', 's3://b/c.csv', 'ann', CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO scoping.problem_statement (id, tenant_id, project_id, business_problem, affected, decision,"
                    + " current_approach, updated_by, updated_at, version) VALUES ('" + UUID.randomUUID() + "', '" + TENANT + "', '"
                    + PROJECT + "', 'Customers leave', 'Sales', 'Who to call', 'Guesswork', 'ann', CURRENT_TIMESTAMP, 0)");
        }
    }

    /**
     * A module's history as "version type [script]", read with the owner's credentials; without
     * Flyway's unversioned marker rows (the "history table created" row a baseline writes).
     */
    private static List<String> history(Database database, String module) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection owner = database.connectAsOwner(); var statement = owner.createStatement();
             ResultSet result = statement.executeQuery("SELECT \"version\", \"type\", \"script\" FROM \""
                     + MigrationModule.historyTable(module) + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (result.next()) {
                String type = result.getString(2);
                rows.add(result.getString(1) + " " + type + (type.equals("BASELINE") ? "" : " " + result.getString(3)));
            }
        }
        return rows;
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** Where the old database lives: the owner's URL, and the URL the application is started with. */
    private record Database(String ownerUrl, String owner, String appUrl) {
        Connection connectAsOwner() throws SQLException {
            Connection connection = DriverManager.getConnection(ownerUrl, owner, "");
            if (POSTGRES) {
                // Row-level security binds the owner too: read across tenants as the platform.
                try (var statement = connection.createStatement()) {
                    statement.execute("SET cairn.platform = 'on'");
                }
            }
            return connection;
        }
    }

    private static Database h2File() {
        String url = "jdbc:h2:file:./target/legacy-" + UUID.randomUUID();
        return new Database(url, "cairn", url);
    }

    /**
     * A PostgreSQL database of its own, created here because the old scripts must run before the
     * application starts; the application is then pointed at it through the test run's usual
     * redirection of an in-memory H2 name (PostgresTestDatabase: jdbc:h2:mem:NAME to it_NAME).
     */
    private static Database postgres() throws SQLException {
        String name = "legacy" + UUID.randomUUID().toString().replace("-", "");
        String server = System.getProperty(PostgresTestDatabase.SERVER_PROPERTY);
        try (var connection = DriverManager.getConnection(server, PostgresTestDatabase.OWNER_ROLE, "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE it_" + name + " OWNER " + PostgresTestDatabase.OWNER_ROLE);
        }
        return new Database(server.substring(0, server.lastIndexOf('/') + 1) + "it_" + name, PostgresTestDatabase.OWNER_ROLE,
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

}
