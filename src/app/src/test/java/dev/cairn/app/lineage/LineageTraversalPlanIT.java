package dev.cairn.app.lineage;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.support.PostgresTestDatabase;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lineage traversal's plan, on the database the suite runs against: every read of
 * lineage_event in the recursion is an index lookup by one column (lineage_event_artifact or
 * lineage_event_execution). The first version joined the events on {@code artifact_id = node OR
 * execution_id = node}; H2 answered that with a scan of every event of the tenant at every level,
 * and a query on a 300,000-event graph took seconds (docs/benchmarks.md, scripts/bench-lineage).
 * This test fails on that version (H2's plan then reads lineage_event by its tenant index;
 * PostgreSQL's combines the two indexes with a BitmapOr), and on PostgreSQL it failed on the
 * second version too, a UNION ALL of the two halves joined to the recursion, which PostgreSQL
 * answers by hashing every event of the table at every level (20-40 s per query at full size).
 */
@AppTest
class LineageTraversalPlanIT {

    /**
     * H2: how H2 reads a table, in the comment its EXPLAIN writes after it: an index and the column
     * it looks up ("PUBLIC.SOME_INDEX: ARTIFACT_ID IS NOT DISTINCT FROM ?1"), or a table scan. H2
     * may use the foreign key's own index for a column, so the column, not the index name, counts.
     */
    private static final Pattern H2_EVENT_ACCESS = Pattern.compile(
            "(?i)FROM\\s+\"?PUBLIC\"?\\.\"?LINEAGE_EVENT\"?(?:\\s+\"?\\w+\"?)?\\s*/\\*\\s*PUBLIC\\.([\\w.]+?)(?::\\s*(\\w+))?\\s*(?:\\*/|\\s)");
    /** PostgreSQL: a plan node that reads lineage_event, by an index (its name) or by a scan of the table. */
    private static final Pattern PG_EVENT_ACCESS = Pattern.compile(
            "(?:Index(?: Only)? Scan using (\\w+) on lineage_event\\b|Bitmap Index Scan on (lineage_event\\w*)|(Seq Scan on lineage_event\\b)|(BitmapOr))");

    @Autowired
    LineageTraversal traversal;
    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LineageStore lineage;

    /**
     * A chain of {@value #CHAIN} executions in Acme's project (two events each), then fresh
     * statistics: a planner facing an almost empty table cannot tell an index on the tenant (one
     * value here) from one on an artifact (one row each), and either choice is cheap there; the
     * traversal's plan matters, and is pinned, for a tenant with a real graph.
     */
    private static final int CHAIN = 1200;

    @BeforeEach
    void aTenantWithALongChain() {
        UUID acme = TenantScope.callAsPlatform(() -> world.tenantId("acme"));
        if (TenantScope.callAs(acme, () -> dsl.fetchCount(LINEAGE_EVENT)) >= 2 * CHAIN) {
            return;
        }
        UUID context = TenantScope.callAs(acme, () -> lineage.projectContext(world.projectOf("acme").id())).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        List<TableRecord<?>> artifacts = new ArrayList<>(), executions = new ArrayList<>(), events = new ArrayList<>();
        UUID previous = null;
        for (int i = 0; i <= CHAIN; i++) {
            var artifact = dsl.newRecord(LINEAGE_ARTIFACT);
            artifact.setId(UUID.randomUUID());
            artifact.setTenantId(acme);
            artifact.setContextId(context);
            artifact.setType("data.dataset");
            artifact.setName("chain " + i);
            artifact.setCreatedAt(now);
            artifacts.add(artifact);
            if (previous != null) {
                var execution = dsl.newRecord(LINEAGE_EXECUTION);
                execution.setId(UUID.randomUUID());
                execution.setTenantId(acme);
                execution.setContextId(context);
                execution.setType("data.transform");
                execution.setName("step " + i);
                execution.setState("COMPLETE");
                execution.setCreatedAt(now);
                executions.add(execution);
                events.add(event(acme, previous, execution.getId(), "INPUT", now));
                events.add(event(acme, artifact.getId(), execution.getId(), "OUTPUT", now));
            }
            previous = artifact.getId();
        }
        TenantScope.runAs(acme, () -> transactions.executeWithoutResult(status -> {
            for (List<TableRecord<?>> rows : List.of(artifacts, executions, events)) {
                dsl.batchInsert(rows).execute();
            }
        }));
        if (!PostgresTestDatabase.active()) {
            dsl.execute("ANALYZE TABLE LINEAGE_EVENT");
        }
    }

    private TableRecord<?> event(UUID tenant, UUID artifact, UUID execution, String kind, OffsetDateTime at) {
        var event = dsl.newRecord(LINEAGE_EVENT);
        event.setId(UUID.randomUUID());
        event.setTenantId(tenant);
        event.setArtifactId(artifact);
        event.setExecutionId(execution);
        event.setKind(kind);
        event.setCreatedAt(at);
        return event;
    }

    @ParameterizedTest
    @EnumSource(LineageTraversal.Direction.class)
    void theRecursionLooksEachEventUpByOneIndexedColumn(LineageTraversal.Direction direction) {
        UUID acme = TenantScope.callAsPlatform(() -> world.tenantId("acme"));
        String sql = TenantScope.callAs(acme, () -> traversal.query(UUID.randomUUID(), direction).getSQL(ParamType.INLINED));

        String plan = PostgresTestDatabase.active() ? postgresPlan(acme, sql) : h2Plan(sql);
        List<String> accesses = PostgresTestDatabase.active() ? postgresEventAccesses(plan) : h2EventAccesses(plan);

        assertThat(accesses).as("how the plan reads lineage_event (%s), plan:%n%s", direction, plan)
                .isNotEmpty()
                .allSatisfy(access -> assertThat(access)
                        .matches("(?i)artifact_id|execution_id|lineage_event_artifact|lineage_event_execution"))
                .anySatisfy(access -> assertThat(access).containsIgnoringCase("artifact"))
                .anySatisfy(access -> assertThat(access).containsIgnoringCase("execution"));
    }

    /** ANALYZE: H2 writes the plan of the recursive CTE's steps only when it runs the query. */
    private String h2Plan(String sql) {
        return dsl.fetch("EXPLAIN ANALYZE " + sql).get(0).get(0, String.class);
    }

    private static List<String> h2EventAccesses(String plan) {
        List<String> accesses = new ArrayList<>();
        Matcher access = H2_EVENT_ACCESS.matcher(plan);
        while (access.find()) {
            accesses.add(access.group(2) != null ? access.group(2) : access.group(1));
        }
        return accesses;
    }

    /**
     * With sequential scans priced out (the test's tables are tiny, where a scan is the right
     * choice), what the planner does with the join condition shows: one index per half, or one
     * BitmapOr of both indexes for the old OR condition.
     */
    private String postgresPlan(UUID tenant, String sql) {
        return TenantScope.callAs(tenant, () -> transactions.execute(status -> {
            dsl.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", dsl.fetch("EXPLAIN " + sql).getValues(0, String.class));
        }));
    }

    private static List<String> postgresEventAccesses(String plan) {
        List<String> accesses = new ArrayList<>();
        Matcher access = PG_EVENT_ACCESS.matcher(plan);
        while (access.find()) {
            for (int group = 1; group <= access.groupCount(); group++) {
                if (access.group(group) != null) {
                    accesses.add(access.group(group));
                }
            }
        }
        return accesses;
    }
}
