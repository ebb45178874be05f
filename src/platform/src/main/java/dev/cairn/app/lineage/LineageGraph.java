package dev.cairn.app.lineage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.plugin.LineageTypes;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lineage graph web component (frontend/lineage-graph.ts). The project's context is drawn as a
 * compound node around every artifact and execution of the project, so even a new project shows
 * itself in its graph.
 */
@Tag("lineage-graph")
@JsModule("./lineage-graph.ts")
@NpmPackage(value = "cytoscape", version = "3.35.0")
public class LineageGraph extends Component implements HasSize {

    public void setGraph(LineageGraphData graph, Function<String, String> typeNames) {
        getElement().setPropertyJson("graph", toJson(graph, typeNames));
    }

    public Registration addNodeSelectedListener(ComponentEventListener<NodeSelectedEvent> listener) {
        return addListener(NodeSelectedEvent.class, listener);
    }

    static ObjectNode toJson(LineageGraphData graph) {
        return toJson(graph, LineageTypes::wordsOf);
    }

    /** {@code typeNames} gives each type's display name, which the legend shows instead of the type id. */
    static ObjectNode toJson(LineageGraphData graph, Function<String, String> typeNames) {
        ArrayNode nodes = JacksonUtils.createArrayNode();
        String context = graph.nodes().stream().filter(node -> node.kind() == NodeKind.CONTEXT).findFirst()
                .map(node -> node.id().toString()).orElse(null);
        graph.nodes().forEach(node -> {
            ObjectNode json = JacksonUtils.createObjectNode();
            json.put("id", node.id().toString());
            json.put("label", node.name());
            json.put("type", node.type());
            json.put("typeName", typeNames.apply(node.type()));
            json.put("kind", node.kind().name());
            if (node.kind() != NodeKind.CONTEXT && context != null) {
                json.put("parent", context);
            }
            nodes.add(json);
        });
        ArrayNode edges = JacksonUtils.createArrayNode();
        graph.edges().forEach(edge -> {
            ObjectNode json = JacksonUtils.createObjectNode();
            json.put("id", edge.id().toString());
            json.put("source", edge.source().toString());
            json.put("target", edge.target().toString());
            edges.add(json);
        });
        ObjectNode json = JacksonUtils.createObjectNode();
        json.set("nodes", nodes);
        json.set("edges", edges);
        return json;
    }

    /** A node was tapped in the browser. The id is client input: look it up through the store, never trust it. */
    @DomEvent("node-selected")
    public static class NodeSelectedEvent extends ComponentEvent<LineageGraph> {

        private final String nodeId;

        public NodeSelectedEvent(LineageGraph source, boolean fromClient, @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        public String getNodeId() {
            return nodeId;
        }
    }
}
