package dev.cairn.app.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tracking.ExperimentTracking;
import dev.cairn.api.tracking.TrackingStatus;
import dev.cairn.app.db.tables.records.ProjectRecord;
import dev.cairn.app.jobs.JobsView;
import dev.cairn.app.lineage.LineageView;
import dev.cairn.app.plugins.PluginRegistry;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/** A project's overview: its four stages with their gate status, tracking status and members. */
@Route("project")
@PageTitle("Project · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class ProjectView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProjectService projects;
    private final PluginRegistry plugins;
    private final ExperimentTracking tracking;
    private final Jobs jobs;
    private final boolean canManage;
    private final boolean canStartJobs;

    public ProjectView(ProjectService projects, PluginRegistry plugins, ExperimentTracking tracking, Jobs jobs,
                       PermissionCheck permissions) {
        this.projects = projects;
        this.plugins = plugins;
        this.tracking = tracking;
        this.jobs = jobs;
        this.canManage = permissions.can(PlatformPermissions.MANAGE_MEMBERS);
        this.canStartJobs = permissions.can(PlatformPermissions.START_JOBS);
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        ProjectRef project = projects.require(projectId);
        ProjectRecord details = projects.details(project.id());
        removeAll();
        add(new H2(project.key() + " · " + project.name()));
        if (details.getDescription() != null && !details.getDescription().isBlank()) {
            add(new Paragraph(details.getDescription()));
        }
        FlexLayout stages = stages(project);
        add(nextStep(project), stages, trackingPanel(project), members(project));
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        add(new Anchor(routes.getUrl(LineageView.class, project.id().toString()), "Open the lineage graph"));
    }

    /**
     * The next step of the lifecycle: the first gate check that fails, in stage order, with the page
     * where it is done. Evaluated before the stage cards (which evaluate again): a gate check is a
     * cheap read, and the cards stay as they were.
     */
    private Div nextStep(ProjectRef project) {
        Div box = new Div();
        box.setId("next-step");
        box.addClassName("next-step");
        for (Stage stage : Stage.values()) {
            for (StagePlugin plugin : plugins.forStage(stage)) {
                for (StageGateCheck check : plugin.gateChecks()) {
                    StageGateCheck.GateResult result = check.evaluate(project);
                    if (!result.passed()) {
                        box.add(new Span("Next step (" + stage.title() + "): " + check.title() + ". "),
                                new Span(result.explanation() + " "));
                        plugin.navigation().stream().findFirst().ifPresent(entry -> box.add(new Anchor(
                                PluginRegistry.urlOf(entry, project.id().toString()), "Go to " + entry.label())));
                        return box;
                    }
                }
            }
        }
        box.add(new Span("Every stage gate passes."));
        return box;
    }

    private FlexLayout stages(ProjectRef project) {
        FlexLayout cards = new FlexLayout();
        cards.addClassName("stage-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (Stage stage : Stage.values()) {
            Div card = new Div();
            card.addClassName("stage-card");
            card.add(new H3(stage.title()));
            var stagePlugins = plugins.forStage(stage);
            if (stagePlugins.isEmpty()) {
                card.add(new Paragraph("No plugin provides this stage."));
            }
            for (StagePlugin plugin : stagePlugins) {
                for (StageGateCheck check : plugin.gateChecks()) {
                    StageGateCheck.GateResult result = check.evaluate(project);
                    Span status = new Span((result.passed() ? "✔ " : "○ ") + check.title());
                    status.addClassName(result.passed() ? "gate-passed" : "gate-open");
                    status.getElement().setAttribute("title", result.explanation());
                    card.add(new Div(status), new Paragraph(result.explanation()));
                }
                for (NavigationEntry entry : plugin.navigation()) {
                    card.add(new Div(new Anchor(PluginRegistry.urlOf(entry, project.id().toString()),
                            entry.label())));
                }
            }
            cards.add(card);
        }
        return cards;
    }

    private Div trackingPanel(ProjectRef project) {
        TrackingStatus status = tracking.status(project.id());
        Div panel = new Div();
        panel.addClassName("tracking-panel");
        Span state = new Span("Tracking: " + status.state().label());
        state.addClassName("tracking-" + status.state().name().toLowerCase());
        state.setId("tracking-state");
        panel.add(state);
        if (status.pendingRecords() > 0) {
            panel.add(new Span(" · " + status.pendingRecords() + " record(s) waiting"));
        }
        status.experimentUrl().ifPresentOrElse(url -> {
            Anchor link = new Anchor(url, "Open the experiment in MLflow");
            link.setTarget("_blank");
            link.setId("mlflow-link");
            panel.add(new Span(" · "), link);
        }, () -> {
            // No safe link into MLflow's UI (cairn.mlflow.ui-links=none): say where the data is in Cairn.
            Span where = new Span(" · MLflow is not linked from here: this project's runs are shown in Cairn, on its stage pages above");
            where.setId("mlflow-data-in-cairn");
            panel.add(where);
        });
        Button sync = new Button("Sync with MLflow now", click -> {
            jobs.submit("cairn.tracking-sync", "Sync " + project.key() + " with MLflow", project.id(), null);
            Notices.success("Sync started: follow it under Jobs");
            click.getSource().getUI().ifPresent(ui -> ui.navigate(JobsView.class));
        });
        sync.setVisible(canStartJobs); // a job like any other: whoever may start jobs may start this one
        panel.add(new Div(sync));
        return panel;
    }

    private VerticalLayout members(ProjectRef project) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Members"));
        Grid<ProjectService.Member> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ProjectService.Member::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ProjectService.Member::username).setHeader("Username").setAutoWidth(true);
        if (canManage) {
            grid.addComponentColumn(member -> new Button("Remove", click -> {
                projects.removeMember(project.id(), member.userId());
                grid.setItems(projects.members(project.id()));
            })).setHeader("").setAutoWidth(true);
        }
        grid.setItems(projects.members(project.id()));
        grid.setAllRowsVisible(true);
        box.add(grid);
        if (canManage) {
            ComboBox<ProjectService.Member> candidate = new ComboBox<>("Add a member");
            candidate.setItemLabelGenerator(m -> m.displayName() + " (" + m.username() + ")");
            candidate.setItems(projects.candidates(project.id()));
            Button add = new Button("Add", click -> {
                if (candidate.getValue() == null) {
                    // On the field, not a pop-up: it goes once a user is chosen.
                    candidate.setErrorMessage("Choose a user to add.");
                    candidate.setInvalid(true);
                    return;
                }
                candidate.setInvalid(false);
                projects.addMember(project.id(), candidate.getValue().userId());
                grid.setItems(projects.members(project.id()));
                candidate.setItems(projects.candidates(project.id()));
                Notices.success("Member added");
            });
            HorizontalLayout row = new HorizontalLayout(candidate, add);
            row.setAlignItems(Alignment.BASELINE);
            box.add(row);
        }
        return box;
    }
}
