package dev.cairn.plugin.modeling;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.lineage.LineageQueries.ArtifactRef;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.security.Role;
import dev.cairn.plugin.modeling.BaselineService.BaselineInput;
import dev.cairn.plugin.modeling.db.tables.records.BaselineRecord;
import jakarta.annotation.security.RolesAllowed;

/** A project's baselines: what a model has to beat, each tracked in MLflow. */
@Route("modeling/baselines")
@PageTitle("Baselines · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class BaselinesView extends VerticalLayout implements HasUrlParameter<String> {

    private final BaselineService baselines;
    private final ProjectDirectory projects;
    private final boolean canRecord;
    private final Grid<BaselineRecord> grid = new Grid<>();

    public BaselinesView(BaselineService baselines, ProjectDirectory projects, PermissionCheck permissions) {
        this.baselines = baselines;
        this.projects = projects;
        this.canRecord = permissions.can(ModelingPermissions.RECORD_BASELINE);
        grid.addColumn(BaselineRecord::getName).setHeader("Baseline");
        grid.addColumn(BaselineRecord::getMetricName).setHeader("Metric").setAutoWidth(true);
        grid.addColumn(BaselineRecord::getMetricValue).setHeader("Value").setAutoWidth(true);
        grid.addColumn(BaselineRecord::getMethod).setHeader("How it was measured");
        grid.addColumn(BaselineRecord::getCreatedBy).setHeader("By").setAutoWidth(true);
        grid.setEmptyStateComponent(new Paragraph("No baselines recorded yet."));
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        ProjectRef project = projects.require(projectId);
        removeAll();
        add(new H2(project.key() + " · Baselines"));
        if (canRecord) {
            add(form(project));
        }
        add(grid);
        grid.setItems(baselines.list(project.id()));
    }

    private FormLayout form(ProjectRef project) {
        TextField name = new TextField("Baseline name");
        name.setPlaceholder("Rule: churn if no login for 30 days");
        TextField metric = new TextField("Metric");
        metric.setPlaceholder("recall");
        NumberField value = new NumberField("Value");
        TextArea method = new TextArea("How it was measured");
        ComboBox<ArtifactRef> dataset = new ComboBox<>("Measured on dataset");
        dataset.setItems(baselines.datasets(project.id()));
        dataset.setItemLabelGenerator(ArtifactRef::name);
        dataset.setClearButtonVisible(true);
        Button save = new Button("Record baseline", click -> {
            try {
                baselines.record(project.id(), new BaselineInput(name.getValue(), metric.getValue(), value.getValue(),
                        method.getValue(), dataset.getValue() == null ? null : dataset.getValue().id()));
                Notification.show("Baseline recorded; it will appear in MLflow", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                name.clear();
                metric.clear();
                value.clear();
                method.clear();
                grid.setItems(baselines.list(project.id()));
            } catch (IllegalArgumentException invalid) {
                Notification.show(invalid.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, metric, value, dataset, method, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }
}
