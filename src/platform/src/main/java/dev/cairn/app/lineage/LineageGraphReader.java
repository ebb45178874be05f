package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_CONTEXT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.LineageArtifactRecord;
import dev.cairn.app.db.tables.records.LineageEventRecord;
import dev.cairn.app.db.tables.records.LineageExecutionRecord;
import dev.cairn.app.lineage.LineageGraphData.Edge;
import dev.cairn.app.lineage.LineageGraphData.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a context's graph and single nodes through the tenant gateway. */
final class LineageGraphReader {

    private final TenantDb db;

    LineageGraphReader(TenantDb db) {
        this.db = db;
    }

    LineageGraphData read(UUID contextId) {
        List<Node> nodes = new ArrayList<>();
        db.fetchOptional(LINEAGE_CONTEXT, LINEAGE_CONTEXT.ID.eq(contextId)).ifPresent(context -> nodes.add(
                new Node(context.getId(), NodeKind.CONTEXT, context.getType(), context.getName(), context.getCreatedAt())));
        db.fetch(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.CONTEXT_ID.eq(contextId), LINEAGE_ARTIFACT.CREATED_AT.asc())
                .forEach(artifact -> nodes.add(node(artifact)));
        List<LineageExecutionRecord> executions =
                db.fetch(LINEAGE_EXECUTION, LINEAGE_EXECUTION.CONTEXT_ID.eq(contextId), LINEAGE_EXECUTION.CREATED_AT.asc());
        executions.forEach(execution -> nodes.add(node(execution)));
        if (executions.isEmpty()) {
            return new LineageGraphData(nodes, List.of());
        }
        List<LineageEventRecord> events = db.fetch(LINEAGE_EVENT,
                LINEAGE_EVENT.EXECUTION_ID.in(executions.stream().map(LineageExecutionRecord::getId).toList()),
                LINEAGE_EVENT.CREATED_AT.asc());
        addArtifactsOfOtherProjects(nodes, events);
        return new LineageGraphData(nodes, events.stream().map(LineageGraphReader::edge).toList());
    }

    Optional<NodeDetails> details(UUID id) {
        Optional<NodeDetails> artifact = db.fetchOptional(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.ID.eq(id))
                .map(row -> new NodeDetails(row.getId(), NodeKind.ARTIFACT, row.getType(), row.getName(), row.getUri(),
                        LineageProperties.fromJson(row.getProperties()), row.getCreatedAt(), null));
        if (artifact.isPresent()) {
            return artifact;
        }
        return db.fetchOptional(LINEAGE_EXECUTION, LINEAGE_EXECUTION.ID.eq(id))
                .map(row -> new NodeDetails(row.getId(), NodeKind.EXECUTION, row.getType(), row.getName(), null,
                        LineageProperties.fromJson(row.getProperties()), row.getCreatedAt(), row.getState()));
    }

    /**
     * An execution of this project may read an artifact recorded in another project of the tenant
     * (a shared dataset): the artifact is shown too, so that no edge points at a missing node.
     */
    private void addArtifactsOfOtherProjects(List<Node> nodes, List<LineageEventRecord> events) {
        Set<UUID> present = new HashSet<>();
        nodes.forEach(node -> present.add(node.id()));
        Set<UUID> missing = new HashSet<>();
        events.stream().map(LineageEventRecord::getArtifactId).filter(id -> !present.contains(id)).forEach(missing::add);
        if (!missing.isEmpty()) {
            db.fetch(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.ID.in(missing), LINEAGE_ARTIFACT.CREATED_AT.asc())
                    .forEach(artifact -> nodes.add(node(artifact)));
        }
    }

    private static Node node(LineageArtifactRecord artifact) {
        return new Node(artifact.getId(), NodeKind.ARTIFACT, artifact.getType(), artifact.getName(), artifact.getCreatedAt());
    }

    private static Node node(LineageExecutionRecord execution) {
        return new Node(execution.getId(), NodeKind.EXECUTION, execution.getType(), execution.getName(),
                execution.getCreatedAt());
    }

    private static Edge edge(LineageEventRecord event) {
        boolean input = LineageStore.INPUT.equals(event.getKind());
        return input
                ? new Edge(event.getId(), event.getArtifactId(), event.getExecutionId())
                : new Edge(event.getId(), event.getExecutionId(), event.getArtifactId());
    }
}
