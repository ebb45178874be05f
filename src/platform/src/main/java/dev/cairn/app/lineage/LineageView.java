package dev.cairn.app.lineage;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * A project's lineage graph. Any signed-in user of the tenant may read it: the project lookup and
 * the store are scoped to the tenant, so another tenant's project id is "not found" (a 404 page).
 */
@Route("lineage")
@PageTitle("Lineage")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class LineageView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProjectDirectory projects;
    private final LineageStore lineage;
    private final H2 title = new H2();
    private final Paragraph empty = new Paragraph(
            "Nothing has been recorded for this project yet. Datasets, training runs and models appear here as the stages record them.");
    private final LineageGraph graph = new LineageGraph();
    private final NodeDetailsPanel details;

    private final LineageTypeNames typeNames;

    public LineageView(ProjectDirectory projects, LineageStore lineage, LineageTypeNames typeNames) {
        this.projects = projects;
        this.lineage = lineage;
        this.typeNames = typeNames;
        this.details = new NodeDetailsPanel(this::showNode, typeNames::nameOf);
        setSizeFull();
        graph.setSizeFull();
        graph.setMinHeight("480px");
        graph.addNodeSelectedListener(event -> parse(event.getNodeId()));
        HorizontalLayout content = new HorizontalLayout(graph, details);
        content.setSizeFull();
        content.setFlexGrow(1, graph);
        content.setAlignItems(FlexComponent.Alignment.STRETCH);
        add(title, empty, content);
        setFlexGrow(1, content);
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        // NotFoundException for a malformed id or another tenant's project: the app shows its 404 page.
        ProjectRef project = projects.require(projectId);
        title.setText("Lineage of " + project.name());
        LineageGraphData data = lineage.graph(project.id());
        graph.setGraph(data, typeNames::nameOf);
        empty.setVisible(data.isEmpty());
        details.setVisible(false);
    }

    /** The id comes from the browser: a malformed one is ignored, an unknown one finds nothing. */
    private void parse(String nodeId) {
        try {
            showNode(UUID.fromString(nodeId));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            details.setVisible(false);
        }
    }

    private void showNode(UUID nodeId) {
        lineage.node(nodeId).ifPresentOrElse(
                node -> details.show(node, lineage.upstream(nodeId), lineage.downstream(nodeId)),
                () -> details.setVisible(false));
    }
}
