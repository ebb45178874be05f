package dev.cairn.app.api;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.lineage.LineageStore;
import dev.cairn.app.lineage.NodeRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upstream and downstream of a lineage node, from the same store (and recursive query) as the
 * lineage view, cut at a depth the caller chooses. Another tenant's node is "not found".
 */
@RestController
@RequestMapping(path = "/api/v1/lineage/nodes/{id}", produces = "application/json")
@PermitAll // any valid API token; each endpoint checks api.read-lineage
@Tag(name = "Lineage")
class LineageApi {

    static final int MAX_DEPTH = 20;

    private final LineageStore lineage;
    private final PermissionCheck permissions;

    LineageApi(LineageStore lineage, PermissionCheck permissions) {
        this.lineage = lineage;
        this.permissions = permissions;
    }

    record Node(UUID id, String kind, String type, String name, int distance) {
        static Node of(NodeRef ref) {
            return new Node(ref.id(), ref.kind().name(), ref.type(), ref.name(), ref.distance());
        }
    }

    @GetMapping("/upstream")
    @Operation(summary = "What the node was made from, up to `depth` steps (1-20, default 5; permission api.read-lineage)")
    List<Node> upstream(@PathVariable UUID id, @RequestParam(defaultValue = "5") int depth) {
        permissions.require(ApiPermissions.READ_LINEAGE);
        return within(depth, id, lineage.upstream(id));
    }

    @GetMapping("/downstream")
    @Operation(summary = "What was made from the node, up to `depth` steps (1-20, default 5; permission api.read-lineage)")
    List<Node> downstream(@PathVariable UUID id, @RequestParam(defaultValue = "5") int depth) {
        permissions.require(ApiPermissions.READ_LINEAGE);
        return within(depth, id, lineage.downstream(id));
    }

    private List<Node> within(int depth, UUID id, List<NodeRef> reachable) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ".");
        }
        if (lineage.node(id).isEmpty()) {
            throw new NotFoundException("Lineage node " + id);
        }
        return reachable.stream().filter(node -> node.distance() <= depth).map(Node::of).toList();
    }
}
