package dev.cairn.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.lineage.LineageGraphData.Edge;
import dev.cairn.app.lineage.LineageGraphData.Node;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LineageGraphTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private final UUID context = UUID.randomUUID();
    private final UUID dataset = UUID.randomUUID();
    private final UUID training = UUID.randomUUID();
    private final UUID model = UUID.randomUUID();
    private final UUID inputEvent = UUID.randomUUID();
    private final UUID outputEvent = UUID.randomUUID();

    private LineageGraphData graph() {
        return new LineageGraphData(List.of(
                new Node(context, NodeKind.CONTEXT, "cairn.project", "Churn", NOW),
                new Node(dataset, NodeKind.ARTIFACT, "data.dataset", "customers v1", NOW),
                new Node(training, NodeKind.EXECUTION, "modeling.training", "<img src=x onerror=alert(1)>", NOW),
                new Node(model, NodeKind.ARTIFACT, "modeling.model", "model 1", NOW)),
                List.of(new Edge(inputEvent, dataset, training), new Edge(outputEvent, training, model)));
    }

    @Test
    void theGraphJsonHoldsTheContextAsTheParentOfEveryArtifactAndExecution() {
        ObjectNode json = LineageGraph.toJson(graph());

        assertThat(json.get("nodes")).hasSize(4);
        assertThat(json.get("nodes").valueStream().map(node -> node.get("id").asString()))
                .containsExactly(context.toString(), dataset.toString(), training.toString(), model.toString());
        assertThat(json.get("nodes").get(0).get("kind").asString()).isEqualTo("CONTEXT");
        assertThat(json.get("nodes").get(0).has("parent")).isFalse();
        assertThat(json.get("nodes").get(2).get("kind").asString()).isEqualTo("EXECUTION");
        assertThat(json.get("nodes").get(1).get("type").asString()).isEqualTo("data.dataset");
        assertThat(json.get("nodes").get(1).get("parent").asString()).isEqualTo(context.toString());
    }

    @Test
    void eachNodeCarriesItsTypesDisplayNameForTheLegend() {
        java.util.Map<String, String> names = java.util.Map.of("data.dataset", "Dataset", "modeling.training", "Training run");
        ObjectNode json = LineageGraph.toJson(graph(), type -> names.getOrDefault(type, dev.cairn.api.plugin.LineageTypes.wordsOf(type)));

        assertThat(json.get("nodes").get(1).get("typeName").asString()).isEqualTo("Dataset");
        assertThat(json.get("nodes").get(2).get("typeName").asString()).isEqualTo("Training run");
        assertThat(json.get("nodes").get(0).get("typeName").asString()).as("the platform's context").isEqualTo("Project");
        assertThat(json.get("nodes").get(3).get("typeName").asString()).isEqualTo("Model");
    }

    @Test
    void edgesKeepTheEventIdAndTheDirectionDataFlows() {
        JsonNode edges = LineageGraph.toJson(graph()).get("edges");

        assertThat(edges).hasSize(2);
        assertThat(edges.get(0).get("id").asString()).isEqualTo(inputEvent.toString());
        assertThat(edges.get(0).get("source").asString()).isEqualTo(dataset.toString());
        assertThat(edges.get(0).get("target").asString()).isEqualTo(training.toString());
        assertThat(edges.get(1).get("source").asString()).isEqualTo(training.toString());
        assertThat(edges.get(1).get("target").asString()).isEqualTo(model.toString());
    }

    @Test
    void aNameThatLooksLikeHtmlIsSentAsPlainTextForTheCanvasToPaint() {
        JsonNode label = LineageGraph.toJson(graph()).get("nodes").get(2).get("label");

        assertThat(label.isString()).isTrue();
        assertThat(label.asString()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aNewProjectsGraphIsEmptyButStillShowsTheProjectItself() {
        LineageGraphData onlyContext = new LineageGraphData(
                List.of(new Node(context, NodeKind.CONTEXT, "cairn.project", "Churn", NOW)), List.of());

        assertThat(onlyContext.isEmpty()).isTrue();
        assertThat(graph().isEmpty()).isFalse();
        assertThat(LineageGraph.toJson(onlyContext).get("nodes")).hasSize(1);
        assertThat(LineageGraph.toJson(onlyContext).get("nodes").get(0).get("label").asString()).isEqualTo("Churn");
    }
}
