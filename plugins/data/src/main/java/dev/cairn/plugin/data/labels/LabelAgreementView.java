package dev.cairn.plugin.data.labels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
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
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Label agreement of one dataset version: choose the label columns (one per labeller) and a key,
 * then kappa, agreement, each pair's confusion and the disagreeing rows, with the CSV for
 * relabelling. URL {@code data/labels/<project>?version=<id>}, linked from the version history.
 */
@Route("data/labels")
@PageTitle("Label agreement · Cairn")
@PermitAll
public class LabelAgreementView extends ProjectPage implements BeforeEnterObserver {

    public static final String VERSION_PARAMETER = "version";

    private final DatasetVersions versions;
    private final LabelAgreements agreements;
    private final Div content = new Div();
    private final Div results = new Div();
    // A checkbox group, not a multi-select combo box: the production bundle already holds it.
    private final CheckboxGroup<String> labelColumns = new CheckboxGroup<>("Label columns (one per labeller)");
    private final ComboBox<String> keyColumn = new ComboBox<>("Key column (optional)");
    private final Anchor download = new Anchor();
    private final Div kept = new Div();
    private final StatusLine status = new StatusLine();
    private final HumanLevelFigureStore figures;

    public LabelAgreementView(DatasetVersions versions, LabelAgreements agreements, HumanLevelFigureStore figures, ProjectDirectory projects,
                              PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Label agreement", DataPermissions.READ);
        this.versions = versions;
        this.agreements = agreements;
        this.figures = figures;
    }

    /** The page's address for a version (the version history links here). */
    public static String url(ProjectRef project, UUID version) {
        return "data/labels/" + project.id() + "?" + VERSION_PARAMETER + "=" + version;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PageChoice.version(event, versions, project(), content, "Choose one in a dataset's version history").ifPresent(version -> {
            if (version.getDeletedAt() != null) {
                throw new NotFoundException("Dataset version");
            }
            show(project(), version);
        });
    }

    private void show(ProjectRef project, DatasetVersionRecord version) {
        content.removeAll();
        content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + version.getDatasetId(), "← The dataset"),
                new H3("Label agreement of version " + version.getVersion() + " (" + version.getFileName() + ")"));
        List<String> columns = versions.columns(project.id(), version.getId());
        labelColumns.setItems(columns);
        keyColumn.setItems(columns);
        keyColumn.setClearButtonVisible(true);
        Button compute = new Button("Compute agreement", click -> compute(project, version));
        HorizontalLayout form = new HorizontalLayout(labelColumns, keyColumn, compute);
        form.setAlignItems(Alignment.BASELINE);
        download.setId("export-disagreements-csv");
        download.getStyle().set("display", "none");
        kept.addClassName("human-level-figures");
        content.add(form, status, results, download, kept);
        showKept(project, version);
    }

    /** The figures kept from this version's label reviews, each deletable by those who may record them. */
    private void showKept(ProjectRef project, DatasetVersionRecord version) {
        kept.removeAll();
        List<HumanLevelFigureStore.Recorded> mine = figures.recorded(project.id()).stream()
                .filter(r -> r.versionId().equals(version.getId())).toList();
        kept.add(new H4("Human-level figures kept from this version"));
        if (mine.isEmpty()) {
            kept.add(new Paragraph("None yet. Compute the agreement of two or more labellers, then keep it as a human-level figure: "
                    + "scoping offers it as the project's human-level baseline, and modeling shows it beside its runs."));
            return;
        }
        Grid<HumanLevelFigureStore.Recorded> grid = new Grid<>();
        grid.addColumn(r -> percent(r.figure().value())).setHeader("Accuracy (agreement)").setAutoWidth(true);
        grid.addColumn(r -> r.figure().examples()).setHeader("Rows").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.labellers())).setHeader("Labellers").setAutoWidth(true);
        grid.addColumn(r -> r.kappa() == null ? r.kappaName() + " undefined" : r.kappaName() + " "
                + String.format(Locale.ROOT, "%.3f", r.kappa())).setHeader("Kappa").setAutoWidth(true);
        grid.addColumn(r -> r.figure().recordedBy() + ", " + r.figure().recordedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .setHeader("Kept by").setAutoWidth(true);
        if (can(DataPermissions.REVIEW_LABELS)) {
            grid.addComponentColumn(r -> {
                Button delete = new Button("Delete", click -> ConfirmDelete.ask("the human-level figure " + percent(r.figure().value())
                                + " of " + String.join(", ", r.labellers()), "Scoping and modeling no longer offer it; the lineage keeps it.",
                        () -> figures.delete(project.id(), r.figure().id()), () -> showKept(project, version), status));
                delete.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR,
                        com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
                return delete;
            }).setHeader("").setAutoWidth(true);
        }
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        kept.add(grid);
    }

    private void compute(ProjectRef project, DatasetVersionRecord version) {
        labelColumns.setInvalid(false);
        keyColumn.setInvalid(false);
        results.removeAll();
        // The chosen order is the columns' order in the file, so labellers keep their places.
        List<String> chosen = versions.columns(project.id(), version.getId()).stream().filter(labelColumns.getSelectedItems()::contains).toList();
        LabelColumns columns;
        try {
            columns = new LabelColumns(chosen, keyColumn.getValue());
        } catch (IllegalArgumentException refused) {
            if (refused.getMessage().startsWith("Key column")) {
                keyColumn.setErrorMessage(refused.getMessage());
                keyColumn.setInvalid(true);
            } else {
                labelColumns.setErrorMessage(refused.getMessage());
                labelColumns.setInvalid(true);
            }
            return;
        }
        AgreementReport report = agreements.agreement(project.id(), version.getId(), columns);
        showReport(report);
        if (can(DataPermissions.REVIEW_LABELS) && report.complete() > 0) {
            LabelColumns reviewed = columns;
            Button keep = new Button("Keep as human-level figure (accuracy " + percent(report.agreement()) + ")", click -> {
                if (status.attempt(() -> figures.record(project.id(), version.getId(), reviewed))) {
                    Notices.success("Kept: scoping and modeling now offer accuracy " + percent(report.agreement()) + " as human-level");
                    showKept(project, version);
                }
            });
            keep.setId("keep-human-level");
            results.addComponentAsFirst(keep);
        }
        download.setHref(event -> {
            event.setFileName("disagreements-v" + version.getVersion() + ".csv");
            event.setContentType(DisagreementCsv.CONTENT_TYPE);
            agreements.exportDisagreements(project.id(), version.getId(), columns, event.getOutputStream());
        });
    }

    private void showReport(AgreementReport report) {
        Kappa kappa = report.kappa();
        String name = report.cohensKappa().isPresent() ? "Cohen's kappa" : "Fleiss' kappa";
        Paragraph summary = new Paragraph(name + ": " + (kappa.defined() ? String.format(Locale.ROOT, "%.3f", kappa.value()) : "undefined")
                + " (" + kappa.interpretation() + ") · every labeller agrees on " + percent(report.agreement()) + " of " + report.complete()
                + " rows · " + (report.disagreeing() == 1 ? "1 row disagrees" : report.disagreeing() + " rows disagree"));
        summary.addClassName("label-agreement-summary");
        results.add(summary);
        report.missingLabels().ifPresent(note -> results.add(new Paragraph(note)));
        for (PairAgreement pair : report.pairs()) {
            results.add(new H4("Confusion: " + pair.first() + " (rows) × " + pair.second() + " (columns)"), confusion(pair));
        }
        Button export = new Button("Export disagreeing rows (CSV)", click -> download.getElement().callJsFunction("click"));
        results.add(new H4("Disagreeing rows"), export, disagreements(report));
        if (!report.allDisagreementsListed()) {
            results.add(new Paragraph("The first " + report.disagreements().size() + " of " + report.disagreeing()
                    + " disagreeing rows are shown; the CSV holds them all."));
        }
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "none" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static Grid<String> confusion(PairAgreement pair) {
        Grid<String> grid = new Grid<>();
        Confusion confusion = pair.confusion();
        grid.addColumn(category -> category).setHeader(pair.first() + " \\ " + pair.second()).setAutoWidth(true);
        for (String column : confusion.categories()) {
            grid.addColumn(row -> confusion.count(row, column)).setHeader(column).setAutoWidth(true);
        }
        grid.setItems(confusion.categories());
        grid.setAllRowsVisible(true);
        grid.addClassName("label-confusion");
        return grid;
    }

    private static Grid<Disagreement> disagreements(AgreementReport report) {
        Grid<Disagreement> grid = new Grid<>();
        grid.addColumn(Disagreement::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        if (report.columns().key() != null) {
            grid.addColumn(Disagreement::key).setHeader(report.columns().key()).setAutoWidth(true);
        }
        List<String> labellers = new ArrayList<>(report.columns().labellers());
        for (int i = 0; i < labellers.size(); i++) {
            int index = i;
            grid.addColumn(d -> d.labels().get(index)).setHeader(labellers.get(i)).setAutoWidth(true);
        }
        grid.setItems(report.disagreements());
        grid.setEmptyStateText("The labellers agree on every row they all labelled.");
        grid.addClassName("label-disagreements");
        return grid;
    }
}
