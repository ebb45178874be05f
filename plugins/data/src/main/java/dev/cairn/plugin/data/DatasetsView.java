package dev.cairn.plugin.data;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A project's datasets: the list (each opens its versions), a form to create or rename one, and delete (each by permission). */
@Route("data/datasets")
@PageTitle("Datasets · Cairn")
@PermitAll
public class DatasetsView extends ProjectPage {

    private final DatasetService datasets;
    private final Grid<DatasetRecord> grid = new Grid<>();
    private final StatusLine tableStatus = new StatusLine();

    public DatasetsView(DatasetService datasets, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Datasets", DataPermissions.READ);
        this.datasets = datasets;
    }

    @Override
    protected void render(ProjectRef project) {
        grid.removeAllColumns();
        grid.addComponentColumn(d -> new Anchor(DatasetView.url(project, d.getId()), d.getName())).setHeader("Name").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.getSourceUri() == null ? "" : d.getSourceUri()).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DatasetRecord::getDescription).setHeader("Description").setFlexGrow(1);
        grid.addColumn(DatasetRecord::getCreatedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.getCreatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).setHeader("Registered").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(can(DataPermissions.REGISTER)
                ? "No datasets yet. Start by registering the dataset the model will learn from (a name is enough), then open it and upload its first version (CSV or TSV)."
                : "No datasets yet. A member or manager of the project registers them here and uploads their versions.");
        DatasetForm form = can(DataPermissions.REGISTER) ? new DatasetForm(project) : null;
        if (form != null) {
            add(form);
        }
        if (can(DataPermissions.REGISTER) || can(DataPermissions.DELETE)) {
            grid.addComponentColumn(d -> actions(project, d, form)).setAutoWidth(true).setFlexGrow(0)
                    .setTextAlign(ColumnTextAlign.END);
        }
        add(tableStatus, grid);
        refresh(project);
    }

    private HorizontalLayout actions(ProjectRef project, DatasetRecord dataset, DatasetForm form) {
        HorizontalLayout actions = new HorizontalLayout();
        if (form != null) {
            actions.add(new Button("Edit", click -> form.edit(dataset)));
        }
        if (can(DataPermissions.DELETE)) {
            Button delete = new Button("Delete", click -> confirmDelete(project, dataset));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    /**
     * Asks before deleting; a dataset that something was made from is refused on the dialog itself,
     * which names what depends on it and offers only "Close".
     */
    private void confirmDelete(ProjectRef project, DatasetRecord dataset) {
        List<Optional<String>> refusal = new ArrayList<>(1);
        if (!tableStatus.attempt(() -> refusal.add(datasets.deleteRefusal(project.id(), dataset.getId())))) {
            return;
        }
        if (refusal.getFirst().isPresent()) {
            Confirmation refused = new Confirmation("Dataset " + dataset.getName() + " cannot be deleted", refusal.getFirst().get(),
                    "Delete", () -> { }).cancelText("Close");
            refused.confirmButton().setVisible(false);
            refused.open();
            return;
        }
        ConfirmDelete.ask("dataset " + dataset.getName(),
                "It is no longer listed for the project, and its versions are deleted with their bytes; its lineage (who registered and uploaded what, and when) stays.",
                () -> datasets.delete(project.id(), dataset.getId()), () -> refresh(project), tableStatus);
    }

    private void refresh(ProjectRef project) {
        grid.setItems(datasets.list(project.id()));
    }

    /** Registers a new dataset, or edits the one chosen in the table. */
    private final class DatasetForm extends FormLayout {
        private final TextField name = new TextField("Dataset name");
        private final TextField source = new TextField("Source URI");
        private final TextArea description = new TextArea("Description");
        private final H3 heading = new H3("Register a dataset");
        private final Button save = new Button("Register dataset");
        private final Button cancel = new Button("Cancel edit");
        private final EditForm form = new EditForm(this);
        private DatasetRecord editing;

        DatasetForm(ProjectRef project) {
            name.setMaxLength(120);
            source.setPlaceholder("s3://bucket/churn/2026-11.parquet");
            source.setHelperText("Optional: where the data lives outside Cairn. Its versions are uploaded on the dataset's page.");
            description.setMaxLength(2000);
            form.required(name, "Name").field(source, "Source URI").field(description, "Description");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                boolean isNew = editing == null;
                if (form.submit(() -> save(project))) {
                    Notices.success(isNew ? "Dataset registered" : "Dataset saved");
                    reset();
                    refresh(project);
                }
            });
            cancel.setVisible(false);
            cancel.addClickListener(click -> reset());
            add(heading, name, source, description, new HorizontalLayout(save, cancel), form.status());
            setColspan(heading, 2);
            setColspan(form.status(), 2);
            setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        }

        private void save(ProjectRef project) {
            if (editing == null) {
                datasets.register(project.id(), name.getValue(), source.getValue(), description.getValue());
            } else {
                datasets.update(project.id(), editing.getId(), name.getValue(), source.getValue(), description.getValue());
            }
        }

        void edit(DatasetRecord dataset) {
            editing = dataset;
            name.setValue(dataset.getName());
            source.setValue(dataset.getSourceUri());
            description.setValue(dataset.getDescription() == null ? "" : dataset.getDescription());
            heading.setText("Edit dataset " + dataset.getName());
            save.setText("Save dataset");
            cancel.setVisible(true);
            form.markSaved();
        }

        private void reset() {
            editing = null;
            form.clear();
            heading.setText("Register a dataset");
            save.setText("Register dataset");
            cancel.setVisible(false);
            form.markSaved();
        }
    }
}
