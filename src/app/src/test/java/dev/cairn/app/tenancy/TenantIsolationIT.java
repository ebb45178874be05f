package dev.cairn.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * SECURITY.md item 4 on H2 and on PostgreSQL (the second failsafe run): with Acme's and Globex's rows seeded in EVERY tenant table (found from
 * the database itself, so a new table is covered, or fails this test, automatically), every read
 * as Acme sees no Globex row, an update or delete naming Globex rows changes nothing, and with no
 * tenant in scope nothing can be read or written.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:isolation;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@org.springframework.test.context.ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    TenantDb db;
    @Autowired
    DemoWorld world;

    private UUID acme;
    private UUID globex;
    private List<Table<?>> tenantTables;

    @BeforeAll
    void seedBothTenantsThroughTheRealServices() {
        world.create();
        acme = world.tenantId("acme");
        globex = world.tenantId("globex");
        ProjectRef acmeProject = world.projectOf("acme");
        world.projectOf("globex");
        assertThat(acmeProject).isNotNull();
        // Names from the catalogue: upper case on H2, lower case on PostgreSQL.
        tenantTables = dsl.meta().getTables().stream().filter(t -> columnNamed(t, "TENANT_ID") != null)
                .filter(t -> List.of("PUBLIC", "SCOPING", "DATA", "MODELING", "DEPLOYMENT").contains(t.getSchema().getName().toUpperCase()))
                .<Table<?>>map(t -> t).toList();
        assertThat(tenantTables).as("tenant tables found in the catalogue").hasSizeGreaterThan(10);
    }

    @Test
    void runsOnTheDatabaseThisTestRunChose() throws Exception {
        String product = dsl.connectionResult(c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo(dev.cairn.app.support.PostgresTestDatabase.active() ? "PostgreSQL" : "H2");
    }

    @Test
    void everyTenantTableIsFoundAndSeededForBothTenants() {
        assertThat(tenantTables.stream().map(t -> t.getName().toUpperCase())).contains("PROJECT", "APP_USER", "LINEAGE_ARTIFACT",
                "TRACKING_OUTBOX", "JOB", "DATASET", "BASELINE", "TARGET", "PROBLEM_STATEMENT", "AUDIT_ENTRY");
        for (Table<?> table : tenantTables) {
            assertThat(rowsOf(table, acme)).as(table.getName() + " has Acme rows").isPositive();
            assertThat(rowsOf(table, globex)).as(table.getName() + " has Globex rows").isPositive();
        }
    }

    @Test
    void readsAsAcmeNeverSeeAGlobexRow() {
        for (Table<?> table : tenantTables) {
            var rows = TenantScope.callAs(acme, () -> db.fetch(record(table), DSL.noCondition()));
            assertThat(rows).as(table.getName()).isNotEmpty();
            assertThat(rows.getValues(tenant(table))).as(table.getName()).containsOnly(acme);
            assertThat(TenantScope.callAs(acme, () -> db.count(table, DSL.noCondition()))).isEqualTo(rowsOf(table, acme));
        }
    }

    @Test
    void updatesAndDeletesNamingGlobexRowsChangeNothing() {
        for (Table<?> table : tenantTables) {
            Condition globexRows = keysOf(table, globex);
            List<Record> before = oracle(() -> dsl.selectFrom(table).where(tenant(table).eq(globex)).orderBy(table.fields()).fetch()
                    .stream().map(r -> (Record) r).toList());
            Field<?> column = editableColumn(table);
            int updated = TenantScope.callAs(acme, () -> db.update(table, Map.of(column, DSL.field(column.getQualifiedName())), globexRows));
            int deleted = TenantScope.callAs(acme, () -> db.delete(table, globexRows));
            assertThat(updated).as("updated in " + table.getName()).isZero();
            assertThat(deleted).as("deleted in " + table.getName()).isZero();
            List<Record> after = oracle(() -> dsl.selectFrom(table).where(tenant(table).eq(globex)).orderBy(table.fields()).fetch()
                    .stream().map(r -> (Record) r).toList());
            assertThat(after).as(table.getName()).isEqualTo(before);
        }
    }

    @Test
    void aRowCannotBeMovedToAnotherTenant() {
        Table<?> project = tenantTables.stream().filter(t -> t.getName().equalsIgnoreCase("PROJECT")).findFirst().orElseThrow();
        assertThatThrownBy(() -> TenantScope.runAs(acme, () -> db.update(project, Map.of(tenant(project), globex), DSL.noCondition())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant of a row cannot be changed");
    }

    @Test
    void withNoTenantInScopeNoTenantTableCanBeReadOrWritten() {
        for (Table<?> table : tenantTables) {
            assertThatThrownBy(() -> db.fetch(record(table), DSL.noCondition())).isInstanceOf(NoTenantInScopeException.class);
            assertThatThrownBy(() -> db.count(table, DSL.noCondition())).isInstanceOf(NoTenantInScopeException.class);
            assertThatThrownBy(() -> db.delete(table, DSL.noCondition())).isInstanceOf(NoTenantInScopeException.class);
            assertThatThrownBy(() -> db.update(table, Map.of(editableColumn(table), DSL.field(editableColumn(table).getQualifiedName())),
                    DSL.noCondition())).isInstanceOf(NoTenantInScopeException.class);
        }
    }

    @Test
    void insertsAreStampedWithTheTenantInScopeWhateverTheRecordSaid() {
        var projectTable = dev.cairn.app.db.Tables.PROJECT;
        UUID id = UUID.randomUUID();
        TenantScope.runAs(acme, () -> {
            var record = dsl.newRecord(projectTable);
            record.setId(id);
            record.setTenantId(globex);
            record.setProjectKey("FORGED");
            record.setName("forged");
            record.setCreatedBy("test");
            record.setCreatedAt(java.time.OffsetDateTime.now());
            record.setVersion(0);
            db.insert(record);
        });
        assertThat(oracle(() -> dsl.select(projectTable.TENANT_ID).from(projectTable).where(projectTable.ID.eq(id))
                .fetchOne(projectTable.TENANT_ID))).isEqualTo(acme);
        assertThatThrownBy(() -> db.insert(dsl.newRecord(projectTable))).isInstanceOf(NoTenantInScopeException.class);
    }

    private int rowsOf(Table<?> table, UUID tenantId) {
        return oracle(() -> dsl.fetchCount(table, tenant(table).eq(tenantId)));
    }

    /** The test's own view of every tenant's rows (on PostgreSQL, row-level security lets only platform tasks see it). */
    private static <T> T oracle(java.util.function.Supplier<T> query) {
        return TenantScope.callAsPlatform(query);
    }

    @SuppressWarnings("unchecked")
    private static Field<UUID> tenant(Table<?> table) {
        return (Field<UUID>) columnNamed(table, "TENANT_ID");
    }

    private static Field<?> columnNamed(Table<?> table, String name) {
        for (Field<?> field : table.fields()) {
            if (field.getName().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    /** A condition matching exactly the given tenant's rows by their own key columns (not by tenant_id). */
    private Condition keysOf(Table<?> table, UUID tenantId) {
        List<Field<?>> key = table.getPrimaryKey() != null ? new ArrayList<>(table.getPrimaryKey().getFields())
                : List.of(table.fields());
        Condition any = DSL.falseCondition();
        for (Record row : oracle(() -> dsl.select(key).from(table).where(tenant(table).eq(tenantId)).fetch())) {
            Condition one = DSL.trueCondition();
            for (Field<?> field : key) {
                one = one.and(equal(field, row.get(field)));
            }
            any = any.or(one);
        }
        return any;
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition equal(Field<T> field, Object value) {
        return value == null ? field.isNull() : field.eq((T) value);
    }

    private static Field<?> editableColumn(Table<?> table) {
        for (Field<?> field : table.fields()) {
            if (!field.getName().equalsIgnoreCase("TENANT_ID")) {
                return field;
            }
        }
        throw new IllegalStateException("no column");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Table record(Table<?> table) {
        return table;
    }
}
