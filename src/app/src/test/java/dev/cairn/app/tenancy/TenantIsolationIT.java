package dev.cairn.app.tenancy;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;
import static dev.cairn.app.db.Tables.PROJECT;
import static dev.cairn.app.db.Tables.TENANT;
import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;
import static dev.cairn.app.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.api.tenancy.UnsafeStatementException;
import dev.cairn.app.lineage.LineageStore;
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
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:isolation;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms"})
@org.springframework.test.context.ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    TenantDb db;
    @Autowired
    DemoWorld world;
    @Autowired
    TenantTables gatewayTables;
    @Autowired
    LineageStore lineage;

    private static final java.util.Set<String> SYSTEM_SCHEMAS = java.util.Set.of("INFORMATION_SCHEMA", "PG_CATALOG", "PG_TOAST");

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
        for (String slug : List.of("acme", "globex")) {
            seedADatasetVersion(slug, world.projectOf(slug));
            seedDriftSettings(slug, world.projectOf(slug));
        }
        // Names from the catalogue: upper case on H2, lower case on PostgreSQL.
        // Every schema but the databases' own: a new plugin's schema is covered the moment it exists.
        tenantTables = dsl.meta().getTables().stream().filter(t -> columnNamed(t, "TENANT_ID") != null)
                .filter(t -> t.getSchema() != null && !SYSTEM_SCHEMAS.contains(t.getSchema().getName().toUpperCase()))
                .<Table<?>>map(t -> t).toList();
        assertThat(tenantTables).as("tenant tables found in the catalogue").hasSizeGreaterThan(10);
    }

    @Autowired
    dev.cairn.plugin.data.DatasetService datasets;
    @Autowired
    dev.cairn.plugin.data.DatasetVersions datasetVersions;

    /** The demo seeds a dataset but no version (its bytes would be the demo's): one per tenant, through the real upload. */
    private void seedADatasetVersion(String slug, ProjectRef project) {
        world.actors().run(slug + "-member", () -> {
            UUID dataset = datasets.list(project.id()).getFirst().getId();
            if (datasetVersions.history(project.id(), dataset).isEmpty()) {
                byte[] csv = ("tenant,value\n" + slug + ",1\n" + slug + ",3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                UUID version = datasetVersions.upload(project.id(), dataset, dev.cairn.api.files.NewFile.named(slug + ".csv"),
                        new java.io.ByteArrayInputStream(csv), dev.cairn.plugin.data.ingest.FormatOverrides.NONE,
                        dev.cairn.plugin.data.Provenance.NONE).version().getId();
                // A recipe (and its first version) fitted on it.
                datasetRecipes.create(project.id(), dataset, "isolation", version, java.util.List.of(new dev.cairn.plugin.data.recipe.StepPlan(
                        dev.cairn.api.data.transform.Operation.STANDARDIZE, java.util.List.of("value"), java.util.Map.of()),
                        new dev.cairn.plugin.data.recipe.StepPlan(dev.cairn.api.data.transform.Operation.DROP, java.util.List.of("tenant"),
                                java.util.Map.of())), "");
                // A label review kept as a human-level figure (the two columns as two labellers).
                humanLevelFigures.record(project.id(), version, new dev.cairn.plugin.data.labels.LabelColumns(List.of("tenant", "value")));
                // A recipe run (the fit of a second recipe, queued as a job).
                UUID run = recipeRuns.startCreate(project.id(), dataset, "isolation-run", version, java.util.List.of(
                        new dev.cairn.plugin.data.recipe.StepPlan(dev.cairn.api.data.transform.Operation.DROP, java.util.List.of("tenant"),
                                java.util.Map.of())), "").id();
                // Its job ends before the tests look (jobs are polled every 100 ms here), so it writes nothing while they compare rows.
                long runDeadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                while (recipeRuns.run(project.id(), run).status().pending() && System.nanoTime() < runDeadline) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            seedASchema(project, dataset);
            // A feature ranking of the version (its row exists from the moment it is queued).
            UUID ranked = datasetVersions.history(project.id(), dataset).getFirst().getId();
            if (featureRankings.states(project.id(), ranked).isEmpty()) {
                featureRankings.rank(project.id(), ranked, "value");
            }
        });
    }

    @Autowired
    dev.cairn.plugin.data.DatasetRecipes datasetRecipes;
    @Autowired
    dev.cairn.plugin.data.labels.HumanLevelFigureStore humanLevelFigures;
    @Autowired
    dev.cairn.plugin.data.recipepage.RecipeRuns recipeRuns;
    @Autowired
    dev.cairn.plugin.data.selection.FeatureRankings featureRankings;
    @Autowired
    dev.cairn.plugin.data.schema.DatasetSchemas schemas;
    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles storedProfiles;

    /** A schema inferred from the version, then edited so that a feature lists categories (rows in every schema table). */
    private void seedASchema(ProjectRef project, UUID dataset) {
        if (schemas.current(project.id(), dataset).isPresent()) {
            return;
        }
        var version = datasetVersions.history(project.id(), dataset).getFirst();
        // Inference reads the statistics the upload's profiling job stores.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (storedProfiles.profile(project.id(), version.getId()).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        var v1 = schemas.infer(project.id(), dataset, version.getId());
        var drafts = v1.schema().features().stream().map(dev.cairn.plugin.data.schema.FeatureDraft::of)
                .map(d -> !d.name().equals("tenant") ? d : new dev.cairn.plugin.data.schema.FeatureDraft(d.name(), d.type(), d.required(),
                        d.minFractionPresent(), dev.cairn.plugin.data.schema.DomainKind.CATEGORIES, null, null, List.of("acme", "globex"),
                        d.label(), d.environments(), null, null)).toList();
        schemas.save(project.id(), dataset, 1, drafts, 0, "the tenants as categories");
        // A stored validation of the version against the edited schema.
        versionValidations.validate(project.id(), version.getId(), 2, dev.cairn.api.data.Feature.TRAINING);
    }

    @Autowired
    dev.cairn.plugin.data.validation.VersionValidations versionValidations;

    @Autowired
    dev.cairn.plugin.data.driftpage.DriftSettingsStore driftSettings;

    /** The demo keeps Evidently's defaults (no rows): a dataset's drift settings and one feature's, per tenant. */
    private void seedDriftSettings(String slug, ProjectRef project) {
        world.actors().run(slug + "-member", () -> {
            UUID dataset = datasets.list(project.id()).getFirst().getId();
            driftSettings.save(project.id(), dataset, 0.5, List.of(new dev.cairn.plugin.data.driftpage.DriftSettingsRules.FeatureSetting(
                    "value", dev.cairn.api.data.drift.DriftMethod.PSI, 0.25)));
        });
    }

    @Test
    void runsOnTheDatabaseThisTestRunChose() throws Exception {
        String product = dsl.connectionResult(c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo(dev.cairn.app.support.PostgresTestDatabase.active() ? "PostgreSQL" : "H2");
    }

    @Test
    void everyTenantTableIsFoundAndSeededForBothTenants() {
        assertThat(tenantTables.stream().map(t -> t.getSchema().getName().toUpperCase()).distinct())
                .as("schemas holding tenant tables").contains("PUBLIC", "SCOPING", "DATA", "MODELING", "DEPLOYMENT");
        assertThat(gatewayTables.qualifiedNames()).as("the gateway knows every tenant table of the catalogue")
                .containsExactlyInAnyOrderElementsOf(tenantTables.stream()
                        .map(t -> t.getSchema().getName().toUpperCase() + "." + t.getName().toUpperCase()).toList());
        assertThat(tenantTables.stream().map(t -> t.getName().toUpperCase())).contains("PROJECT", "APP_USER", "LINEAGE_ARTIFACT",
                "TRACKING_OUTBOX", "JOB", "DATASET", "DATASET_VERSION", "DATASET_VERSION_COLUMN", "DATASET_SCHEMA", "SCHEMA_VERSION",
                "SCHEMA_FEATURE", "SCHEMA_FEATURE_CATEGORY", "VERSION_VALIDATION", "BASELINE", "TARGET", "PROBLEM_STATEMENT", "AUDIT_ENTRY");
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
                .isInstanceOf(dev.cairn.api.tenancy.UnsafeStatementException.class).hasMessageContaining("tenant of a row cannot be changed");
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
            var inserted = db.insert(record);
            assertThat(inserted.configuration()).as("an inserted record comes back detached").isNull();
        });
        assertThat(oracle(() -> dsl.select(projectTable.TENANT_ID).from(projectTable).where(projectTable.ID.eq(id))
                .fetchOne(projectTable.TENANT_ID))).isEqualTo(acme);
        assertThatThrownBy(() -> db.insert(dsl.newRecord(projectTable))).isInstanceOf(NoTenantInScopeException.class);
    }

    // ---- Bypasses a review found (issue 7, section 1): each reached Globex's rows through TenantDb alone. ----

    @Test
    void aPlainSqlConditionIsRefusedInsteadOfWideningTheTenantPredicate() {
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.fetch(PROJECT, DSL.condition("1=1) OR (1=1"))))
                .isInstanceOf(UnsafeStatementException.class).hasMessageContaining("Plain SQL");
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.fetch(PROJECT, DSL.noCondition(), DSL.field("1=1) OR (1=1").asc())))
                .isInstanceOf(UnsafeStatementException.class);
    }

    @Test
    void aNameThatIsNotAPlainIdentifierIsRefused() {
        // Names are rendered unquoted, so a crafted name would be SQL.
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.fetch(PROJECT, DSL.condition(DSL.field(DSL.name("1=1) OR (1=1"), Boolean.class)))))
                .isInstanceOf(UnsafeStatementException.class).hasMessageContaining("plain identifier");
    }

    @Test
    void aSubqueryOnATenantTableInAConditionSeesOnlyTheTenantInScope() {
        int acmeProjects = rowsOf(PROJECT, acme);
        // As an oracle: "does Globex have an admin called globex-admin?" must look like "no".
        assertThat(TenantScope.callAs(acme, () -> db.count(PROJECT, DSL.exists(DSL.selectOne().from(APP_USER)
                .where(APP_USER.USERNAME.eq("globex-admin")))))).isZero();
        assertThat(TenantScope.callAs(acme, () -> db.count(PROJECT, DSL.exists(DSL.selectOne().from(APP_USER)
                .where(APP_USER.USERNAME.eq("acme-admin")))))).as("the subquery still works on the tenant's own rows").isEqualTo(acmeProjects);
        // Joined, aliased and by-name references are scoped the same way.
        var role = USER_ROLE.as("r");
        assertThat(TenantScope.callAs(acme, () -> db.count(PROJECT, DSL.exists(DSL.selectOne().from(APP_USER.join(role).on(role.USER_ID.eq(APP_USER.ID)))
                .where(APP_USER.USERNAME.eq("globex-admin")))))).isZero();
        var byName = DSL.table(DSL.name("APP_USER"));
        assertThat(TenantScope.callAs(acme, () -> db.count(PROJECT, DSL.exists(DSL.selectOne().from(byName)
                .where(DSL.field(DSL.name("USERNAME"), String.class).eq("globex-admin")))))).isZero();
        assertThat(TenantScope.callAs(acme, () -> db.count(PROJECT, PROJECT.ID.in(DSL.select(PROJECT.as("other").ID).from(PROJECT.as("other"))))))
                .as("a self-join sees the tenant's own projects only").isEqualTo(acmeProjects);
    }

    @Test
    void aSubqueryInAnUpdateValueCannotCopyAnotherTenantsData() {
        UUID project = world.projectOf("acme").id();
        String description = oracle(() -> dsl.select(PROJECT.DESCRIPTION).from(PROJECT).where(PROJECT.ID.eq(project)).fetchOne(PROJECT.DESCRIPTION));
        try {
            TenantScope.callAs(acme, () -> db.update(PROJECT, Map.of(PROJECT.DESCRIPTION,
                    DSL.field(DSL.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("globex-admin")))),
                    PROJECT.ID.eq(project)));
            assertThat(oracle(() -> dsl.select(PROJECT.DESCRIPTION).from(PROJECT).where(PROJECT.ID.eq(project)).fetchOne(PROJECT.DESCRIPTION)))
                    .as("Globex's admin's password hash never lands in Acme's project").isNull();
        } finally {
            oracle(() -> dsl.update(PROJECT).set(PROJECT.DESCRIPTION, description).where(PROJECT.ID.eq(project)).execute());
        }
    }

    @Test
    void aTableWithoutATenantColumnCannotBeBroughtIntoATenantStatement() {
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.count(PROJECT, DSL.exists(DSL.selectOne().from(TENANT)
                .where(TENANT.SLUG.eq("globex")))))).isInstanceOf(UnsafeStatementException.class).hasMessageContaining("not a tenant table");
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.count(TENANT, DSL.noCondition())))
                .isInstanceOf(UnsafeStatementException.class);
    }

    @Test
    void aUserDefinedFunctionIsRefused() {
        // e.g. H2's FILE_READ, or any function in another schema.
        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.count(PROJECT, PROJECT.NAME.eq(
                DSL.function(DSL.name("LOWER"), String.class, DSL.val("x")))))).isInstanceOf(UnsafeStatementException.class);
    }

    @Test
    void anImplicitJoinAlongAForeignKeyIsScopedToo() {
        // A forged row could point at another tenant's project; the joined project must still be Acme's.
        var statement = DSL.selectFrom(TRACKING_OUTBOX).where(TRACKING_OUTBOX.project().NAME.eq("x"));
        String sql = DSL.using(dsl.configuration().deriveAppending(new TenantStatementGuard(TRACKING_OUTBOX, acme, gatewayTables)))
                .renderInlined(statement).toUpperCase();
        // H2 writes the UUID as a string, PostgreSQL casts it and writes AS before the alias.
        assertThat(sql).containsPattern("JOIN \\(SELECT \\* FROM (PUBLIC\\.)?PROJECT WHERE PROJECT\\.TENANT_ID = (CAST\\()?'"
                + acme.toString().toUpperCase() + "'( AS UUID\\))?\\)( AS)? ALIAS_");
        assertThat(TenantScope.callAs(acme, () -> db.count(TRACKING_OUTBOX, TRACKING_OUTBOX.project().NAME.eq(world.projectOf("globex").name()))))
                .isZero();
    }

    @Test
    void recordsLeaveTheGatewayDetachedSoTheyCannotReachTheConnectionOrAnotherTenantsRow() {
        UUID globexProject = world.projectOf("globex").id();
        var before = oracle(() -> dsl.selectFrom(PROJECT).where(PROJECT.ID.eq(globexProject)).fetchSingle());
        var fetched = TenantScope.callAs(acme, () -> db.fetch(PROJECT, DSL.noCondition())).get(0);
        var created = TenantScope.callAs(acme, () -> db.newRecord(PROJECT));
        assertThat(fetched.configuration()).as("a fetched record holds no configuration (no connection provider)").isNull();
        assertThat(created.configuration()).as("a new record holds no configuration").isNull();
        fetched.setId(globexProject);
        assertThatThrownBy(fetched::refresh).isInstanceOf(org.jooq.exception.DetachedException.class);
        fetched.setName("moved");
        assertThatThrownBy(fetched::store).isInstanceOf(org.jooq.exception.DetachedException.class);
        assertThatThrownBy(fetched::delete).isInstanceOf(org.jooq.exception.DetachedException.class);
        assertThat(fetched.getName()).isEqualTo("moved");
        assertThat(oracle(() -> dsl.selectFrom(PROJECT).where(PROJECT.ID.eq(globexProject)).fetchSingle())).isEqualTo(before);
    }

    @Test
    void anUpdateKeyThatOnlyLooksLikeAnotherColumnIsRefused() {
        UUID project = world.projectOf("acme").id();
        for (Field<?> lookalike : List.of(DSL.field(DSL.name("PROJECT", "TENANT_ID ")), DSL.field(DSL.name("TENANT_ID")),
                DSL.field(DSL.name("NAME = NAME, TENANT_ID")), DSL.field(DSL.name("NAME")))) {
            assertThatThrownBy(() -> TenantScope.callAs(acme, () -> db.update(PROJECT, Map.of(lookalike, globex), PROJECT.ID.eq(project))))
                    .as(lookalike.getName()).isInstanceOf(UnsafeStatementException.class);
        }
        assertThat(oracle(() -> dsl.select(PROJECT.TENANT_ID).from(PROJECT).where(PROJECT.ID.eq(project)).fetchOne(PROJECT.TENANT_ID))).isEqualTo(acme);
    }

    @Test
    void theRecursiveLineageQueryNeverFollowsAnotherTenantsEventsOrNodes() {
        UUID acmeArtifact = anyId(LINEAGE_ARTIFACT.ID, LINEAGE_ARTIFACT.TENANT_ID, acme);
        UUID acmeExecution = anyId(LINEAGE_EXECUTION.ID, LINEAGE_EXECUTION.TENANT_ID, acme);
        UUID globexArtifact = anyId(LINEAGE_ARTIFACT.ID, LINEAGE_ARTIFACT.TENANT_ID, globex);
        UUID globexExecution = anyId(LINEAGE_EXECUTION.ID, LINEAGE_EXECUTION.TENANT_ID, globex);
        // Forged edges across the tenants, in both tenants' names: Acme's nodes as inputs of Globex's
        // execution, and Globex's artifact as an input of Acme's execution.
        List<UUID> forged = List.of(forgeEvent(acme, acmeArtifact, globexExecution), forgeEvent(globex, acmeArtifact, globexExecution),
                forgeEvent(acme, globexArtifact, acmeExecution), forgeEvent(globex, globexArtifact, acmeExecution));
        try {
            var globexNodes = new java.util.HashSet<>(oracle(() -> dsl.select(LINEAGE_ARTIFACT.ID).from(LINEAGE_ARTIFACT)
                    .where(LINEAGE_ARTIFACT.TENANT_ID.eq(globex))
                    .unionAll(DSL.select(LINEAGE_EXECUTION.ID).from(LINEAGE_EXECUTION).where(LINEAGE_EXECUTION.TENANT_ID.eq(globex)))
                    .fetch(r -> r.value1())));
            for (UUID node : List.of(acmeArtifact, acmeExecution)) {
                var reached = TenantScope.callAs(acme, () -> java.util.stream.Stream.concat(lineage.upstream(node).stream(),
                        lineage.downstream(node).stream()).map(dev.cairn.app.lineage.NodeRef::id).toList());
                assertThat(reached).as("reached from " + node).doesNotContainAnyElementsOf(globexNodes);
            }
        } finally {
            oracle(() -> dsl.deleteFrom(LINEAGE_EVENT).where(LINEAGE_EVENT.ID.in(forged)).execute());
        }
    }

    private UUID anyId(org.jooq.TableField<?, UUID> id, org.jooq.TableField<?, UUID> tenantColumn, UUID tenantId) {
        return oracle(() -> dsl.select(id).from(id.getTable()).where(tenantColumn.eq(tenantId)).limit(1).fetchSingle(id));
    }

    private UUID forgeEvent(UUID tenantId, UUID artifact, UUID execution) {
        UUID id = UUID.randomUUID();
        oracle(() -> dsl.insertInto(LINEAGE_EVENT).set(LINEAGE_EVENT.ID, id).set(LINEAGE_EVENT.TENANT_ID, tenantId).set(LINEAGE_EVENT.ARTIFACT_ID, artifact)
                .set(LINEAGE_EVENT.EXECUTION_ID, execution).set(LINEAGE_EVENT.KIND, "INPUT")
                .set(LINEAGE_EVENT.CREATED_AT, java.time.OffsetDateTime.now()).execute());
        return id;
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
