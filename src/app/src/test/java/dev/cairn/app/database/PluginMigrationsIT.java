package dev.cairn.app.database;

import static dev.cairn.app.db.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.database.exampletest.ExampleTestPlugin;
import dev.cairn.app.database.exampletest.ExampleTestPluginConfiguration;
import dev.cairn.app.support.PostgresTestDatabase;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.tenancy.TenantTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One migration history per module (docs/adr/0008-one-migration-history-per-module.md), on H2 and
 * on PostgreSQL: the platform migrates first, then every registered plugin by id, each from its own
 * folder into its own history table; a plugin that exists only in tests ({@link ExampleTestPlugin},
 * migrations in src/test/resources/cairn/db/exampletest/) is found by its id alone, and its table
 * is a tenant table like any other (the gateway's, and on PostgreSQL row-level security's).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:pluginmigrations;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@Import(ExampleTestPluginConfiguration.class)
class PluginMigrationsIT {

    @Autowired
    ModuleMigrations migrations;
    @Autowired
    Flyway platformFlyway;
    @Autowired
    DSLContext dsl;
    @Autowired
    TenantDb db;
    @Autowired
    TenantTables tenantTables;

    @Test
    void thePlatformMigratesFirstThenEveryPluginByIdIncludingOneKnownOnlyByItsBean() {
        assertThat(migrations.moduleIds()).containsExactly("platform", "data", "deployment", "exampletest", "modeling", "scoping");
    }

    @Test
    void everyModuleHasAHistoryOfItsOwnThatStartsAtV1() throws Exception {
        assertThat(applied("platform")).containsExactly("1 V1__platform.sql", "2 V2__session_revocation.sql",
                "3 V3__job_heartbeat_outbox_claim.sql", "4 V4__audit_entry_time_index.sql", "5 V5__stored_files.sql",
                "6 V6__tenant_job_limit.sql", "7 V7__event_publication.sql", "8 V8__api_tokens.sql",
                "9 V9__tracking_outbox_large_payloads.sql", "10 V10__user_deletion.sql", "11 V11__job_starter.sql");
        assertThat(applied("scoping")).containsExactly("1 V1__problem_statement.sql", "2 V2__scoping_document.sql",
                "3 V3__scoping_collaboration.sql");
        assertThat(applied("data")).containsExactly("1 V1__dataset.sql", "2 V2__dataset_version.sql", "3 V3__version_profile.sql",
                "4 V4__dataset_schema.sql", "5 V5__drift_settings.sql", "6 V6__recipe.sql",
                "9 V9__feature_ranking.sql");
        assertThat(applied("modeling")).containsExactly("1 V1__baseline.sql");
        assertThat(applied("deployment")).containsExactly("1 V1__target.sql");
        assertThat(applied(ExampleTestPlugin.ID)).containsExactly("1 V1__note.sql");
        assertThat(historyTables()).as("one history table per module, and no single one")
                .containsExactlyInAnyOrder("flyway_history_platform", "flyway_history_data", "flyway_history_deployment",
                        "flyway_history_exampletest", "flyway_history_modeling", "flyway_history_scoping");
    }

    @Test
    void theTestPluginsTableIsATenantTableThatTheGatewayIsolates() {
        assertThat(tenantTables.qualifiedNames()).contains("EXAMPLETEST.NOTE", "SCOPING.CANVAS", "DATA.DATASET", "PUBLIC.PROJECT");
        Table<?> note = dsl.meta().getTables().stream()
                .filter(t -> t.getName().equalsIgnoreCase("note") && t.getSchema().getName().equalsIgnoreCase("exampletest"))
                .findFirst().orElseThrow();
        UUID acme = tenant("acme-notes");
        UUID globex = tenant("globex-notes");
        TenantScope.runAsPlatform(() -> {
            insertNote(note, acme, "Acme's note");
            insertNote(note, globex, "Globex's note");
        });
        Field<?> tenantId = column(note, "TENANT_ID");
        assertThat(TenantScope.callAs(acme, () -> db.fetch(recordTable(note), DSL.noCondition())).getValues(tenantId))
                .containsExactly(acme);
        assertThat(TenantScope.callAs(globex, () -> db.count(note, DSL.noCondition()))).isEqualTo(1);
    }

    @Test
    void onPostgresqlThePluginsTableHasForcedRowLevelSecurityAndItsHistoryIsTheOwnersAlone() {
        if (!PostgresTestDatabase.active()) {
            return; // H2 has no row-level security: the gateway is its only wall (checked above)
        }
        var flags = dsl.fetchOne("""
                SELECT c.relrowsecurity, c.relforcerowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'exampletest' AND c.relname = 'note'""");
        assertThat(flags).isNotNull();
        assertThat(flags.get(0, Boolean.class)).as("row-level security enabled").isTrue();
        assertThat(flags.get(1, Boolean.class)).as("row-level security forced").isTrue();
        assertThat(flags.get(2, Long.class)).as("one policy").isEqualTo(1L);
        // The application signs in as the app role, which may read no migration history.
        assertThatThrownBy(() -> dsl.fetch("SELECT * FROM flyway_history_exampletest")).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> dsl.fetch("SELECT * FROM flyway_history_platform")).rootCause()
                .hasMessageContaining("permission denied");
    }

    private List<String> applied(String module) {
        // A plugin's history begins with Flyway's baseline marker at V0 (before its V1).
        return Arrays.stream(migrations.flywayOf(new MigrationModule(module)).info().applied())
                .filter(info -> !(info.getType().isBaseline() && info.getVersion().getVersion().equals("0")))
                .map(PluginMigrationsIT::describe).toList();
    }

    private static String describe(MigrationInfo info) {
        return info.getVersion() + " " + info.getScript();
    }

    /** As the owner (Flyway's own connection): on PostgreSQL the app role may not see the histories. */
    private List<String> historyTables() throws Exception {
        DataSource owner = platformFlyway.getConfiguration().getDataSource();
        List<String> tables = new ArrayList<>();
        try (Connection connection = owner.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "flyway%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** A new tenant; its slug made unique, because a PostgreSQL test database outlives one run. */
    private UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        String slug = name + "-" + id.toString().substring(0, 8);
        TenantScope.runAsPlatform(() -> dsl.insertInto(TENANT).set(TENANT.ID, id).set(TENANT.SLUG, slug)
                .set(TENANT.NAME, name).set(TENANT.ENABLED, true).set(TENANT.CREATED_AT, OffsetDateTime.now()).execute());
        return id;
    }

    @SuppressWarnings("unchecked")
    private void insertNote(Table<?> note, UUID tenant, String body) {
        dsl.insertInto(note)
                .set((Field<Object>) column(note, "ID"), UUID.randomUUID())
                .set((Field<Object>) column(note, "TENANT_ID"), tenant)
                .set((Field<Object>) column(note, "BODY"), body)
                .execute();
    }

    private static Field<?> column(Table<?> table, String name) {
        return Arrays.stream(table.fields()).filter(f -> f.getName().equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Table recordTable(Table<?> table) {
        return table;
    }
}
