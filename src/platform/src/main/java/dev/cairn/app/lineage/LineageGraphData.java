package dev.cairn.app.lineage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A project's lineage: its context, artifacts and executions as nodes, and its events as edges in
 * the direction data flows (an input artifact points at its execution, an execution at its outputs).
 */
public record LineageGraphData(List<Node> nodes, List<Edge> edges) {

    public LineageGraphData {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** True when nothing has been recorded yet: the context is the only node. */
    public boolean isEmpty() {
        return nodes.stream().allMatch(node -> node.kind() == NodeKind.CONTEXT);
    }

    public record Node(UUID id, NodeKind kind, String type, String name, OffsetDateTime createdAt) {
    }

    /** {@code id} is the event's id, so each edge has a stable identity in the browser. */
    public record Edge(UUID id, UUID source, UUID target) {
    }
}
