package dev.cairn.plugin.modeling;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.lineage.LineageQueries.ArtifactRef;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.modeling.BaselineService.BaselineInput;
import dev.cairn.plugin.modeling.db.tables.records.BaselineRecord;
import jakarta.annotation.security.PermitAll;

/** A project's baselines: what a model has to beat, each tracked in MLflow; recorded, corrected and deleted by permission. */
@Route("modeling/baselines")
@PageTitle("Baselines · Cairn")
@PermitAll
public class BaselinesView extends ProjectPage {

    private final BaselineService baselines;
    private final Grid<BaselineRecord> grid = new Grid<>();
    private final StatusLine tableStatus = new StatusLine();

    public BaselinesView(BaselineService baselines, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.MODELING, "Baselines", ModelingPermissions.READ);
        this.baselines = baselines;
    }

    @Override
    protected void render(ProjectRef project) {
        grid.removeAllColumns();
        grid.addColumn(BaselineRecord::getName).setHeader("Baseline").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BaselineRecord::getMetricName).setHeader("Metric").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BaselineRecord::getMetricValue).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BaselineRecord::getMethod).setHeader("How it was measured").setFlexGrow(1);
        grid.addColumn(BaselineRecord::getCreatedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(can(ModelingPermissions.RECORD_BASELINE)
                ? "No baselines yet. Start by recording what a model must beat: a simple rule, a simple model or human-level performance."
                : "No baselines yet. A member or manager of the project records them here.");
        BaselineForm form = can(ModelingPermissions.RECORD_BASELINE) ? new BaselineForm(project) : null;
        if (form != null) {
            add(form);
        }
        if (form != null || can(ModelingPermissions.DELETE_BASELINE)) {
            grid.addComponentColumn(b -> actions(project, b, form)).setAutoWidth(true).setFlexGrow(0);
        }
        add(tableStatus, grid);
        refresh(project);
    }

    private HorizontalLayout actions(ProjectRef project, BaselineRecord baseline, BaselineForm form) {
        HorizontalLayout actions = new HorizontalLayout();
        if (form != null) {
            actions.add(new Button("Edit", click -> form.edit(baseline)));
        }
        if (can(ModelingPermissions.DELETE_BASELINE)) {
            Button delete = new Button("Delete", click -> ConfirmDelete.ask("baseline " + baseline.getName(),
                    "It no longer counts as the performance to beat; its MLflow run and lineage stay.",
                    () -> baselines.delete(project.id(), baseline.getId()), () -> refresh(project), tableStatus));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private void refresh(ProjectRef project) {
        grid.setItems(baselines.list(project.id()));
    }

    /** Records a new baseline, or corrects the one chosen in the table. */
    private final class BaselineForm extends FormLayout {
        private final TextField name = new TextField("Baseline name");
        private final TextField metric = new TextField("Metric");
        private final DecimalField value = new DecimalField("Value");
        private final TextArea method = new TextArea("How it was measured");
        private final ComboBox<ArtifactRef> dataset = new ComboBox<>("Measured on dataset");
        private final H3 heading = new H3("Record a baseline");
        private final Button save = new Button("Record baseline");
        private final Button cancel = new Button("Cancel edit");
        private final EditForm form = new EditForm(this);
        private BaselineRecord editing;

        BaselineForm(ProjectRef project) {
            name.setPlaceholder("Rule: churn if no login for 30 days");
            metric.setPlaceholder("recall");
            value.required();
            // A rate metric's value lies in [0, 1]: the range follows the metric typed.
            metric.addValueChangeListener(change -> {
                if (dev.cairn.api.ui.Rates.isRate(change.getValue())) {
                    value.rate();
                } else {
                    value.range(-Double.MAX_VALUE, Double.MAX_VALUE);
                }
            });
            dataset.setItems(baselines.datasets(project.id()));
            dataset.setItemLabelGenerator(ArtifactRef::name);
            dataset.setClearButtonVisible(true);
            dataset.setHelperText("Register datasets on the data stage's Datasets page.");
            form.required(name, "Name").required(metric, "Metric").decimal(value, "Value").required(method, "Method")
                    .field(dataset, "Dataset");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                boolean isNew = editing == null;
                if (form.submit(() -> save(project))) {
                    Notices.success(isNew ? "Baseline recorded; it will appear in MLflow" : "Baseline saved");
                    reset();
                    refresh(project);
                }
            });
            cancel.setVisible(false);
            cancel.addClickListener(click -> reset());
            add(heading, name, metric, value, dataset, method, new HorizontalLayout(save, cancel), form.status());
            setColspan(heading, 2);
            setColspan(form.status(), 2);
            setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        }

        private void save(ProjectRef project) {
            BaselineInput input = new BaselineInput(name.getValue(), metric.getValue(), value.getNumber(), method.getValue(),
                    dataset.getValue() == null ? null : dataset.getValue().id());
            if (editing == null) {
                baselines.record(project.id(), input);
            } else {
                baselines.update(project.id(), editing.getId(), input);
            }
        }

        void edit(BaselineRecord baseline) {
            editing = baseline;
            name.setValue(baseline.getName());
            metric.setValue(baseline.getMetricName());
            value.setNumber(baseline.getMetricValue());
            method.setValue(baseline.getMethod());
            dataset.setEnabled(false);
            dataset.setHelperText("The dataset a baseline was measured on stays as recorded.");
            heading.setText("Edit baseline " + baseline.getName());
            save.setText("Save baseline");
            cancel.setVisible(true);
            form.markSaved();
        }

        private void reset() {
            editing = null;
            form.clear();
            dataset.setEnabled(true);
            dataset.setHelperText("Register datasets on the data stage's Datasets page.");
            heading.setText("Record a baseline");
            save.setText("Record baseline");
            cancel.setVisible(false);
        }
    }
}
