package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.data.Feature;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A dataset's schema: the newest version's features, its history (status, author, reason,
 * approver), the diff between any two versions, and the actions each user may take: infer the
 * first version, edit a feature (a new version with a reason), approve a draft. URL
 * {@code data/schema/<project id>?dataset=<dataset id>}; another project's or tenant's dataset is
 * "not found".
 */
@Route("data/schema")
@PageTitle("Schema · Cairn")
@PermitAll
public class SchemaView extends ProjectPage implements BeforeEnterObserver {

    public static final String DATASET_PARAMETER = "dataset";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetSchemas schemas;
    private final Div content = new Div();

    public SchemaView(DatasetService datasets, DatasetVersions versions, DatasetSchemas schemas, ProjectDirectory projects,
                      PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Schema", DataPermissions.READ);
        this.datasets = datasets;
        this.versions = versions;
        this.schemas = schemas;
    }

    /** The page of the dataset's schema, for links from other pages. */
    public static String url(UUID projectId, UUID datasetId) {
        return "data/schema/" + projectId + "?" + DATASET_PARAMETER + "=" + datasetId;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PageChoice.dataset(event, datasets, project(), content).ifPresent(this::show);
    }

    void show(DatasetRecord dataset) {
        ProjectRef project = project();
        content.removeAll();
        content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + dataset.getId(), "← " + dataset.getName()),
                new H3("Schema of " + dataset.getName()));
        List<SchemaVersion> history = schemas.history(project.id(), dataset.getId());
        if (history.isEmpty()) {
            empty(project, dataset);
            return;
        }
        SchemaVersion current = history.getFirst();
        content.add(summary(current));
        actions(project, dataset, current);
        if (can(DataPermissions.EDIT_SCHEMA)) {
            content.add(new Button("Least rows: " + current.schema().minRows(), click -> new LeastRowsDialog(current, (rows, reason) ->
                    schemas.save(project.id(), dataset.getId(), current.version(), LeastRowsDialog.unchanged(current), rows, reason), saved -> {
                        Notices.success("Saved as schema version " + saved.version());
                        show(dataset);
                    }).open()));
            List<DatasetVersionRecord> live = versions.history(project.id(), dataset.getId()).stream()
                    .filter(v -> v.getDeletedAt() == null).toList();
            content.add(new Button("Infer again from a version", click -> new ReinferDialog(current, live, (from, reason) ->
                    schemas.reinfer(project.id(), dataset.getId(), current.version(), from.getId(), reason), saved -> {
                        Notices.success("Inferred as schema version " + saved.version());
                        show(dataset);
                    }).open()));
        }
        content.add(features(project, dataset, current), new H4("Version history"), history(history));
        if (history.size() > 1) {
            content.add(new H4("What changed"), new SchemaDiffPanel(history, (from, to) -> schemas.diff(project.id(), dataset.getId(), from, to)));
        }
    }

    /** No schema yet: say what to do first, and offer the inference to those who may. */
    private void empty(ProjectRef project, DatasetRecord dataset) {
        List<DatasetVersionRecord> live = versions.history(project.id(), dataset.getId()).stream().filter(v -> v.getDeletedAt() == null).toList();
        Paragraph next = new Paragraph();
        next.addClassName("schema-empty");
        content.add(next);
        if (live.isEmpty()) {
            next.setText("This dataset has no schema yet. Upload a version, then infer a schema from it.");
            content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + dataset.getId(), "Upload a version on the dataset's page"));
            return;
        }
        if (!can(DataPermissions.EDIT_SCHEMA)) {
            next.setText("This dataset has no schema yet. A member or manager of the project infers it from a version.");
            return;
        }
        next.setText("This dataset has no schema yet. Infer one from a version: its statistics give each column's type, presence and"
                + " values; you then edit it and a manager approves it.");
        ComboBox<DatasetVersionRecord> from = new ComboBox<>("Infer from");
        from.setItems(live);
        from.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName() + " · " + v.getRowCount() + " rows");
        from.setValue(live.getFirst());
        StatusLine status = new StatusLine();
        Button infer = new Button("Infer schema", click -> {
            if (from.getValue() == null) {
                status.refused("Infer from: choose the version to infer the schema from.");
            } else if (status.attempt(() -> schemas.infer(project.id(), dataset.getId(), from.getValue().getId()))) {
                Notices.success("Schema version 1 inferred: a draft until a manager approves it");
                show(dataset);
            }
        });
        infer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(from, infer);
        row.setAlignItems(FlexAlignment.BASELINE);
        content.add(row, status);
    }

    private Div summary(SchemaVersion current) {
        Div summary = new Div();
        summary.addClassName("schema-summary");
        String approved = current.approvedBy() == null ? "" : ", approved by " + current.approvedBy() + " on " + WHEN.format(current.approvedAt());
        summary.add(new Paragraph("Version " + current.version() + " · " + status(current.status()) + " · by " + current.author() + " on "
                + WHEN.format(current.createdAt()) + approved + ": " + current.reason()));
        if (current.schema().minRows() > 0) {
            summary.add(new Paragraph("A version must have at least " + current.schema().minRows() + " rows."));
        }
        if (current.schema().label().isEmpty()) {
            List<String> names = current.schema().features().stream().map(Feature::name).toList();
            summary.add(new Paragraph(SchemaInference.suggestedLabel(names)
                    .map(name -> "No label chosen yet. '" + name + "' looks like one: edit it and tick Label if the model predicts it.")
                    .orElse("No label chosen yet: edit the feature the model predicts and tick Label.")));
        }
        return summary;
    }

    static String status(SchemaVersion.Status status) {
        return switch (status) {
            case DRAFT -> "draft";
            case APPROVED -> "approved";
            case SUPERSEDED -> "superseded";
        };
    }

    private void actions(ProjectRef project, DatasetRecord dataset, SchemaVersion current) {
        if (current.status() != SchemaVersion.Status.DRAFT || !can(DataPermissions.APPROVE_SCHEMA)) {
            return;
        }
        StatusLine status = new StatusLine();
        Button approve = new Button("Approve version " + current.version(), click -> new Confirmation("Approve schema version "
                + current.version() + "?", "Validation will check new versions of " + dataset.getName() + " against it"
                + " (it replaces any version approved before). You may not approve a version you wrote.", "Approve", () -> {
                    if (status.attempt(() -> schemas.approve(project.id(), dataset.getId(), current.version()))) {
                        Notices.success("Schema version " + current.version() + " approved");
                        show(dataset);
                    }
                }).open());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        content.add(new HorizontalLayout(approve), status);
    }

    private Grid<Feature> features(ProjectRef project, DatasetRecord dataset, SchemaVersion current) {
        Grid<Feature> grid = new Grid<>();
        grid.addClassName("schema-features");
        grid.addColumn(Feature::name).setHeader("Feature").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.type().name()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SchemaDiff::presence).setHeader("Presence").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> SchemaDiff.domain(f.domain())).setHeader("Domain").setFlexGrow(1);
        grid.addColumn(f -> f.label() ? "label" : "").setHeader("Label").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> Presence.of(f.environments()).label()).setHeader("Environments").setAutoWidth(true).setFlexGrow(0);
        if (can(DataPermissions.EDIT_SCHEMA)) {
            grid.addComponentColumn(f -> new Button("Edit", click -> new FeatureDialog(current, f, (drafts, reason) ->
                    schemas.save(project.id(), dataset.getId(), current.version(), drafts, current.schema().minRows(), reason),
                    saved -> {
                        Notices.success("Saved as schema version " + saved.version());
                        show(dataset);
                    }).open())).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
            grid.addComponentColumn(f -> {
                Button remove = new Button("Remove", click -> new RemoveFeatureDialog(current, f, (drafts, reason) ->
                        schemas.save(project.id(), dataset.getId(), current.version(), drafts, current.schema().minRows(), reason),
                        saved -> {
                            Notices.success(f.name() + " removed in schema version " + saved.version());
                            show(dataset);
                        }).open());
                remove.getElement().setAttribute("aria-label", "Remove " + f.name());
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                return remove;
            }).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        }
        grid.setItems(current.schema().features());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Grid<SchemaVersion> history(List<SchemaVersion> history) {
        Grid<SchemaVersion> grid = new Grid<>();
        grid.addClassName("schema-history");
        grid.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> status(v.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.author() + ", " + WHEN.format(v.createdAt())).setHeader("Saved").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SchemaVersion::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(v -> Optional.ofNullable(v.approvedBy()).map(by -> by + ", " + WHEN.format(v.approvedAt())).orElse(""))
                .setHeader("Approved by").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static final class FlexAlignment {
        static final com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment BASELINE =
                com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE;
    }
}
