package dev.cairn.app.tenancy.postgres;

import static dev.cairn.app.db.Tables.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.support.PostgresTestDatabase;
import dev.cairn.app.tenancy.TenantScope;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SECURITY.md item 5, the second wall (PostgreSQL run only: H2 has no row-level security). The
 * application's role is neither owner nor superuser and cannot bypass row-level security; every
 * tenant table (found in the catalogue) has it forced; a connection that bypasses the tenant
 * gateway altogether (raw JDBC as the application's role) sees exactly the tenant set in its
 * transaction and nothing without one; and a pooled connection never carries a tenant into the
 * next transaction, whether the setting was made by hand or by the application's own listener.
 */
@EnabledIfSystemProperty(named = PostgresTestDatabase.SERVER_PROPERTY, matches = ".+")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rls;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRowLevelSecurityIT {

    @Autowired
    Environment environment;
    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;

    private UUID acme;
    private UUID globex;
    private List<String> tenantTables;
    private HikariDataSource singleConnectionPool;

    @BeforeAll
    void seedBothTenants() throws SQLException {
        world.create();
        acme = TenantScope.callAsPlatform(() -> world.tenantId("acme"));
        globex = TenantScope.callAsPlatform(() -> world.tenantId("globex"));
        tenantTables = new ArrayList<>();
        try (Connection raw = rawAppConnection();
             var tables = raw.createStatement().executeQuery("""
                     SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                     ORDER BY 1""")) {
            while (tables.next()) {
                tenantTables.add(tables.getString(1));
            }
        }
        singleConnectionPool = new HikariDataSource();
        singleConnectionPool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        singleConnectionPool.setUsername(environment.getRequiredProperty("spring.datasource.username"));
        singleConnectionPool.setPassword(environment.getProperty("spring.datasource.password", ""));
        singleConnectionPool.setMaximumPoolSize(1);
    }

    @AfterAll
    void closePool() {
        if (singleConnectionPool != null) {
            singleConnectionPool.close();
        }
    }

    @Test
    void theApplicationsRoleIsNeitherSuperuserNorOwnerAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection raw = rawAppConnection();
             var role = raw.createStatement().executeQuery("""
                     SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                            (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned,
                            (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
                     FROM pg_roles r WHERE r.rolname = current_user""")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getString("rolname")).isEqualTo(environment.getProperty("spring.datasource.username"));
            assertThat(role.getBoolean("rolsuper")).as("superuser").isFalse();
            assertThat(role.getBoolean("rolbypassrls")).as("bypasses row-level security").isFalse();
            assertThat(role.getBoolean("rolcreaterole")).as("may create roles").isFalse();
            assertThat(role.getBoolean("rolcreatedb")).as("may create databases").isFalse();
            assertThat(role.getLong("owned")).as("relations owned by the application's role").isZero();
            assertThat(role.getLong("memberships")).as("roles it could become (the owner's, say)").isZero();
        }
        try (Connection raw = rawAppConnection();
             var owners = raw.createStatement().executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE tablename = 'project'")) {
            assertThat(owners.next()).isTrue();
            assertThat(owners.getString(1)).isEqualTo(PostgresTestDatabase.OWNER_ROLE);
        }
    }

    @Test
    void everyTenantTableInEverySchemaHasForcedRowLevelSecurityAndTheTenantPolicy() throws SQLException {
        Set<String> schemasWithTenantTables = new HashSet<>();
        try (Connection raw = rawAppConnection();
             var tables = raw.createStatement().executeQuery("""
                     SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                     FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')""")) {
            while (tables.next()) {
                String name = tables.getString(1) + "." + tables.getString(2);
                schemasWithTenantTables.add(tables.getString(1));
                assertThat(tables.getBoolean("relrowsecurity")).as(name + " has row-level security").isTrue();
                assertThat(tables.getBoolean("relforcerowsecurity")).as(name + " forces it on the owner").isTrue();
                assertThat(tables.getLong("policies")).as(name + " has exactly the tenant policy").isEqualTo(1);
            }
        }
        // Found from the catalogue, not listed: every schema that holds the owner's tables holds tenant tables.
        Set<String> schemasWithTables = new HashSet<>();
        try (Connection raw = rawAppConnection();
             var schemas = raw.createStatement().executeQuery(
                     "SELECT DISTINCT schemaname FROM pg_tables WHERE tableowner = '" + PostgresTestDatabase.OWNER_ROLE + "'")) {
            while (schemas.next()) {
                schemasWithTables.add(schemas.getString(1));
            }
        }
        assertThat(schemasWithTenantTables).containsAll(schemasWithTables).contains("public", "scoping");
        assertThat(tenantTables).hasSizeGreaterThan(10);
    }

    @Test
    void aRawConnectionAsTheApplicationsRoleSeesOnlyTheTenantSetInItsTransaction() throws SQLException {
        try (Connection raw = rawAppConnection()) {
            raw.setAutoCommit(false);
            setTenant(raw, acme);
            for (String table : tenantTables) {
                assertThat(count(raw, "SELECT count(*) FROM " + table + " WHERE tenant_id IS DISTINCT FROM '" + acme + "'"))
                        .as("rows of other tenants visible in " + table).isZero();
            }
            assertThat(count(raw, "SELECT count(*) FROM project")).as("Acme's own projects").isPositive();
            assertThat(raw.createStatement().executeUpdate("UPDATE project SET name = name WHERE tenant_id = '" + globex + "'"))
                    .as("Globex rows updated as Acme").isZero();
            assertThat(raw.createStatement().executeUpdate("DELETE FROM project_member WHERE tenant_id = '" + globex + "'"))
                    .as("Globex rows deleted as Acme").isZero();
            raw.rollback();

            setTenant(raw, acme);
            assertThatThrownBy(() -> raw.createStatement().executeUpdate(
                    "INSERT INTO project (id, tenant_id, project_key, name, created_by, created_at, version) VALUES ('"
                            + UUID.randomUUID() + "', '" + globex + "', 'FORGED', 'forged', 'test', now(), 0)"))
                    .as("a row written into another tenant").isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            raw.rollback();

            for (String table : tenantTables) {
                assertThat(count(raw, "SELECT count(*) FROM " + table)).as("rows of " + table + " with no tenant set").isZero();
            }
            raw.rollback();
        }
    }

    @Test
    void aTenantSetInOneTransactionIsGoneInTheNextOnTheSamePooledConnection() throws SQLException {
        int backend;
        try (Connection first = singleConnectionPool.getConnection()) {
            first.setAutoCommit(false);
            backend = backendOf(first);
            setTenant(first, acme);
            assertThat(count(first, "SELECT count(*) FROM project")).isPositive();
            first.commit();
        }
        try (Connection next = singleConnectionPool.getConnection()) {
            assertThat(backendOf(next)).as("the same physical connection").isEqualTo(backend);
            next.setAutoCommit(false);
            assertThat(count(next, "SELECT count(*) FROM project")).as("projects visible in the next transaction").isZero();
            assertThat(tenantSetting(next)).isNullOrEmpty();
            next.rollback();
        }
    }

    @Test
    void theApplicationsListenerSetsTheTenantForOneStatementOrOneTransactionAndNeverBeyond() throws SQLException {
        // The application's own jOOQ configuration (its listeners and settings), on a pool of one connection.
        DSLContext pooled = DSL.using(dsl.configuration()
                .derive(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(singleConnectionPool))));
        // Auto-commit: the statement runs in a short transaction of its own.
        assertThat(TenantScope.callAs(acme, () -> pooled.selectDistinct(PROJECT.TENANT_ID).from(PROJECT).fetch(PROJECT.TENANT_ID)))
                .containsExactly(acme);
        assertNothingCarriedOver();
        // A Spring-managed transaction: set before each statement, gone with the transaction.
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(singleConnectionPool));
        List<UUID> seenInTransaction = transactions.execute(status -> TenantScope.callAs(globex,
                () -> pooled.selectDistinct(PROJECT.TENANT_ID).from(PROJECT).fetch(PROJECT.TENANT_ID)));
        assertThat(seenInTransaction).containsExactly(globex);
        assertNothingCarriedOver();
        // Without a tenant in scope: nothing, even though the statement names no tenant at all.
        assertThat(pooled.fetchCount(PROJECT)).isZero();
        // The platform's own cross-tenant tasks see every tenant.
        assertThat(TenantScope.callAsPlatform(() -> pooled.selectDistinct(PROJECT.TENANT_ID).from(PROJECT).fetch(PROJECT.TENANT_ID)))
                .contains(acme, globex);
        assertNothingCarriedOver();
    }

    @Test
    void theApplicationsOwnDatabaseAccessWithTheGatewayBypassedSeesOnlyTheTenantInScope() {
        assertThat(dsl.fetchCount(PROJECT)).as("projects visible with no tenant in scope").isZero();
        assertThat(TenantScope.callAs(acme, () -> dsl.selectDistinct(PROJECT.TENANT_ID).from(PROJECT).fetch(PROJECT.TENANT_ID)))
                .containsExactly(acme);
        assertThat(TenantScope.callAs(acme, () -> dsl.update(PROJECT).set(PROJECT.NAME, PROJECT.NAME)
                .where(PROJECT.TENANT_ID.eq(globex)).execute())).as("Globex projects updated as Acme").isZero();
    }

    private void assertNothingCarriedOver() throws SQLException {
        try (Connection next = singleConnectionPool.getConnection()) {
            assertThat(next.getAutoCommit()).as("auto-commit restored").isTrue();
            assertThat(tenantSetting(next)).isNullOrEmpty();
            assertThat(count(next, "SELECT count(*) FROM project")).isZero();
        }
    }

    private Connection rawAppConnection() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
    }

    private static void setTenant(Connection connection, UUID tenant) throws SQLException {
        try (var set = connection.prepareStatement("SELECT set_config('cairn.tenant_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    private static String tenantSetting(Connection connection) throws SQLException {
        try (var setting = connection.createStatement().executeQuery("SELECT current_setting('cairn.tenant_id', true)")) {
            setting.next();
            return setting.getString(1);
        }
    }

    private static int backendOf(Connection connection) throws SQLException {
        try (var pid = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
