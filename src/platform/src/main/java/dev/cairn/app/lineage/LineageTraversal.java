package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;

import dev.cairn.app.tenancy.TenantScope;
import java.util.List;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SelectJoinStep;
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
        // Columns: node id, distance, artifact type and name, execution type and name.
        return query(start, direction).fetch(row -> row.value3() != null
                ? new NodeRef(row.value1(), NodeKind.ARTIFACT, row.value3(), row.value4(), row.value2())
                : new NodeRef(row.value1(), NodeKind.EXECUTION, row.value5(), row.value6(), row.value2()));
    }

    /** The query behind {@link #reachable}, in the current tenant's scope; its plan is pinned by LineageTraversalPlanIT. */
    ResultQuery<Record6<UUID, Integer, String, String, String, String>> query(UUID start, Direction direction) {
        UUID tenant = TenantScope.require();
        Table<?> reach = DSL.table(DSL.name("lineage_reach"));
        Field<UUID> node = DSL.field(DSL.name("lineage_reach", "node_id"), SQLDataType.UUID);
        Field<Integer> depth = DSL.field(DSL.name("lineage_reach", "depth"), SQLDataType.INTEGER);

        // Artifacts and executions share one id column here: both are random UUIDs, so they never collide.
        // Each event is one step, read in this direction's sense as (source, target), in two halves,
        // each with an equality on one column that the recursion looks up in that column's index
        // (lineage_event_artifact, lineage_event_execution). One join condition with an OR of both
        // columns made H2 scan every event of the tenant at every level (seconds per query on a
        // 300,000-event tenant; docs/benchmarks.md). The tenant predicate is on both halves: another
        // tenant's events are never followed.
        Field<UUID> target = DSL.field(DSL.name("lineage_step", "target_id"), SQLDataType.UUID);
        Condition leavesArtifact = LINEAGE_EVENT.KIND.eq(direction.kindLeavingArtifact).and(LINEAGE_EVENT.TENANT_ID.eq(tenant));
        Condition leavesExecution = LINEAGE_EVENT.KIND.ne(direction.kindLeavingArtifact).and(LINEAGE_EVENT.TENANT_ID.eq(tenant));
        SelectJoinStep<Record2<UUID, Integer>> step;
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            // PostgreSQL does not push the join condition into a UNION ALL that is joined to the
            // recursive work table: it hashed all 300,000 events at every level (20-40 s per query).
            // A LATERAL subquery (which H2 lacks) puts the node into each half's index lookup.
            step = DSL.selectDistinct(target, depth.plus(1)).from(reach).crossJoin(DSL.lateral(
                    DSL.select(LINEAGE_EVENT.EXECUTION_ID.as("target_id")).from(LINEAGE_EVENT)
                            .where(LINEAGE_EVENT.ARTIFACT_ID.eq(node)).and(leavesArtifact)
                            .unionAll(DSL.select(LINEAGE_EVENT.ARTIFACT_ID.as("target_id")).from(LINEAGE_EVENT)
                                    .where(LINEAGE_EVENT.EXECUTION_ID.eq(node)).and(leavesExecution)))
                    .as("lineage_step"));
        } else {
            // H2 pushes the join condition into both halves of the derived table.
            Field<UUID> source = DSL.field(DSL.name("lineage_step", "source_id"), SQLDataType.UUID);
            Table<?> stepsOfTenant = DSL.select(LINEAGE_EVENT.ARTIFACT_ID.as("source_id"), LINEAGE_EVENT.EXECUTION_ID.as("target_id"))
                    .from(LINEAGE_EVENT).where(leavesArtifact)
                    .unionAll(DSL.select(LINEAGE_EVENT.EXECUTION_ID.as("source_id"), LINEAGE_EVENT.ARTIFACT_ID.as("target_id"))
                            .from(LINEAGE_EVENT).where(leavesExecution))
                    .asTable("lineage_step");
            step = DSL.selectDistinct(target, depth.plus(1)).from(reach).join(stepsOfTenant).on(source.eq(node));
        }

        CommonTableExpression<Record2<UUID, Integer>> steps = DSL.name("lineage_reach").fields("node_id", "depth").as(
                DSL.select(DSL.cast(DSL.val(start), SQLDataType.UUID), DSL.inline(0))
                        // DISTINCT per step keeps each level to at most one row per node. H2 does not
                        // deduplicate a recursive UNION across iterations, so without it a DAG with many
                        // paths (diamonds in a row) makes rows grow with the number of paths, exponentially.
                        .unionAll(step.where(depth.lt(MAX_DEPTH))));

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
                .orderBy(foundDistance, DSL.coalesce(LINEAGE_ARTIFACT.NAME, LINEAGE_EXECUTION.NAME));
    }
}
