package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;

import dev.cairn.app.tenancy.TenantScope;
import java.util.List;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Upstream and downstream queries, as one recursive CTE each, so a deep lineage costs one round
 * trip. The tenant gateway cannot express a CTE, so this is the one lineage class that uses the
 * DSL directly: it adds the tenant predicate itself, on every table it reads (lineage_event in the
 * recursion, lineage_artifact and lineage_execution in the final join). A start id of another
 * tenant therefore reaches nothing, exactly like an unknown id.
 */
@Component
class LineageTraversal {

    /**
     * Ends the recursion on a cycle (an execution recorded with one artifact as input and output),
     * which neither database detects by itself; with one row per node and level, a query reads at
     * most (nodes x MAX_DEPTH) rows.
     */
    static final int MAX_DEPTH = 100;

    enum Direction {
        /** Towards what a node was made from: follows OUTPUT events back to executions, INPUT events back to artifacts. */
        UPSTREAM("OUTPUT"),
        /** Towards what was made from a node: follows INPUT events to executions, OUTPUT events to artifacts. */
        DOWNSTREAM("INPUT");

        /** The event kind that leads away from an artifact in this direction. */
        private final String kindLeavingArtifact;

        Direction(String kindLeavingArtifact) {
            this.kindLeavingArtifact = kindLeavingArtifact;
        }
    }

    private final DSLContext dsl;

    LineageTraversal(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<NodeRef> reachable(UUID start, Direction direction) {
        UUID tenant = TenantScope.require();
        Table<?> reach = DSL.table(DSL.name("lineage_reach"));
        Field<UUID> node = DSL.field(DSL.name("lineage_reach", "node_id"), SQLDataType.UUID);
        Field<Integer> depth = DSL.field(DSL.name("lineage_reach", "depth"), SQLDataType.INTEGER);

        // Artifacts and executions share one id column here: both are random UUIDs, so they never collide.
        // Each event is one step, read in this direction's sense as (source, target). The two halves
        // are separate selects, each with an equality the recursion can look up in an index
        // (lineage_event_artifact, lineage_event_execution); one join condition with an OR of both
        // columns made H2 scan every event of the table at every level (a 300,000-event tenant
        // took seconds per query; scripts/bench-lineage).
        Field<UUID> source = DSL.field(DSL.name("lineage_step", "source_id"), SQLDataType.UUID);
        Field<UUID> target = DSL.field(DSL.name("lineage_step", "target_id"), SQLDataType.UUID);
        // Tenant predicate on both halves: another tenant's events are never followed.
        Table<?> stepsOfTenant = DSL.select(LINEAGE_EVENT.ARTIFACT_ID.as("source_id"), LINEAGE_EVENT.EXECUTION_ID.as("target_id"))
                .from(LINEAGE_EVENT)
                .where(LINEAGE_EVENT.KIND.eq(direction.kindLeavingArtifact)).and(LINEAGE_EVENT.TENANT_ID.eq(tenant))
                .unionAll(DSL.select(LINEAGE_EVENT.EXECUTION_ID.as("source_id"), LINEAGE_EVENT.ARTIFACT_ID.as("target_id"))
                        .from(LINEAGE_EVENT)
                        .where(LINEAGE_EVENT.KIND.ne(direction.kindLeavingArtifact)).and(LINEAGE_EVENT.TENANT_ID.eq(tenant)))
                .asTable("lineage_step");

        CommonTableExpression<Record2<UUID, Integer>> steps = DSL.name("lineage_reach").fields("node_id", "depth").as(
                DSL.select(DSL.cast(DSL.val(start), SQLDataType.UUID), DSL.inline(0))
                        // DISTINCT per step keeps each level to at most one row per node. H2 does not
                        // deduplicate a recursive UNION across iterations, so without it a DAG with many
                        // paths (diamonds in a row) makes rows grow with the number of paths, exponentially.
                        .unionAll(DSL.selectDistinct(target, depth.plus(1))
                                .from(reach)
                                .join(stepsOfTenant).on(source.eq(node))
                                .where(depth.lt(MAX_DEPTH))));

        Field<Integer> distance = DSL.min(depth).as("distance");
        var found = DSL.select(node.as("node_id"), distance).from(reach).where(depth.gt(0)).groupBy(node).asTable("found");
        Field<UUID> foundId = found.field("node_id", UUID.class);
        Field<Integer> foundDistance = found.field("distance", Integer.class);

        return dsl.withRecursive(steps)
                .select(foundId, foundDistance,
                        LINEAGE_ARTIFACT.TYPE, LINEAGE_ARTIFACT.NAME, LINEAGE_EXECUTION.TYPE, LINEAGE_EXECUTION.NAME)
                .from(found)
                // Tenant predicates on both joined tables, for the same reason as on the events.
                .leftJoin(LINEAGE_ARTIFACT).on(LINEAGE_ARTIFACT.ID.eq(foundId).and(LINEAGE_ARTIFACT.TENANT_ID.eq(tenant)))
                .leftJoin(LINEAGE_EXECUTION).on(LINEAGE_EXECUTION.ID.eq(foundId).and(LINEAGE_EXECUTION.TENANT_ID.eq(tenant)))
                .where(LINEAGE_ARTIFACT.ID.isNotNull().or(LINEAGE_EXECUTION.ID.isNotNull()))
                .orderBy(foundDistance, DSL.coalesce(LINEAGE_ARTIFACT.NAME, LINEAGE_EXECUTION.NAME))
                .fetch(row -> row.get(LINEAGE_ARTIFACT.TYPE) != null
                        ? new NodeRef(row.get(foundId), NodeKind.ARTIFACT, row.get(LINEAGE_ARTIFACT.TYPE),
                                row.get(LINEAGE_ARTIFACT.NAME), row.get(foundDistance))
                        : new NodeRef(row.get(foundId), NodeKind.EXECUTION, row.get(LINEAGE_EXECUTION.TYPE),
                                row.get(LINEAGE_EXECUTION.NAME), row.get(foundDistance)));
    }
}
