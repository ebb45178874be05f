package dev.cairn.plugin.data.selection;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.WaitingPoll;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.annotation.security.PermitAll;

/**
 * Feature selection for a dataset version: choose the version and the label, rank the features (a
 * background job: the page shows its progress and polls until it ends), then read every feature's
 * scores (sortable), a chart of the chosen method's, tick the features to keep (the chosen
 * method's top k are ticked) and save the selection into a recipe, new or the next version of one.
 * URL {@code data/feature-selection/<project id>?version=<version id>[&label=<column>]}.
 */
@Route("data/feature-selection")
@PageTitle("Feature selection · Cairn")
@PermitAll
public class FeatureSelectionView extends ProjectPage implements BeforeEnterObserver {

    static final String LABEL_PARAMETER = "label";

    private final FeatureRankings rankings;
    private final SelectionRecipes selections;
    private final DatasetRecipes recipes;
    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final Div content = new Div();
    private Registration polling;

    public FeatureSelectionView(FeatureRankings rankings, SelectionRecipes selections, DatasetRecipes recipes, DatasetVersions versions,
                                DatasetService datasets, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Feature selection", DataPermissions.READ);
        this.rankings = rankings;
        this.selections = selections;
        this.recipes = recipes;
        this.versions = versions;
        this.datasets = datasets;
    }

    /** The page of a version's feature selection. */
    public static String url(UUID projectId, UUID versionId) {
        return "data/feature-selection/" + projectId + "?" + PageChoice.VERSION + "=" + versionId;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String label = event.getLocation().getQueryParameters().getSingleParameter(LABEL_PARAMETER).orElse(null);
        PageChoice.version(event, versions, project(), content, "Choose a dataset on the Datasets page, then Feature selection on its page")
                .ifPresent(version -> show(project(), version, label));
    }

    private void show(ProjectRef project, DatasetVersionRecord version, String askedLabel) {
        stopPolling();
        content.removeAll();
        String dataset = datasets.find(project.id(), version.getDatasetId()).getName();
        content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + version.getDatasetId(), "← " + dataset),
                new H3(dataset + " v" + version.getVersion() + " · feature selection"));
        content.add(chooser(project, version, askedLabel));
        if (version.getDeletedAt() != null) {
            content.add(new Paragraph("This version was deleted on " + version.getDeletedAt().toLocalDate()
                    + ": its rows are gone, so its features cannot be ranked. Choose another version."));
            return;
        }
        String label = chosenLabel(project, version, askedLabel);
        if (label == null) {
            content.add(new Paragraph("No label chosen: the dataset's schema marks none. Choose the column to rank the features against"
                    + (can(DataPermissions.RANK_FEATURES) ? " above and rank them." : "; a member of the project can rank them.")));
            return;
        }
        Optional<RankingState> state = rankings.state(project.id(), version.getId(), label);
        content.add(stateLine(version, label, state));
        state.flatMap(RankingState::ranking).ifPresent(ranking -> content.add(results(project, version, ranking)));
        if (state.map(s -> s.status().pending()).orElse(false)) {
            poll(project, version, label);
        }
    }

    /** The label asked for in the URL, else the schema's, else the one ranked before (the first by name). */
    private String chosenLabel(ProjectRef project, DatasetVersionRecord version, String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        return rankings.schemaLabel(project.id(), version.getId())
                .or(() -> rankings.states(project.id(), version.getId()).stream().map(RankingState::label).findFirst()).orElse(null);
    }

    private Component chooser(ProjectRef project, DatasetVersionRecord version, String askedLabel) {
        ComboBox<DatasetVersionRecord> versionBox = new ComboBox<>("Version");
        List<DatasetVersionRecord> live = versions.history(project.id(), version.getDatasetId()).stream()
                .filter(v -> v.getDeletedAt() == null || v.getId().equals(version.getId())).toList();
        versionBox.setItems(live);
        versionBox.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName());
        live.stream().filter(v -> v.getId().equals(version.getId())).findFirst().ifPresent(versionBox::setValue);
        versionBox.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                navigate(project, change.getValue().getId(), null);
            }
        });
        ComboBox<String> label = new ComboBox<>("Label");
        List<String> columns = versions.columns(project.id(), version.getId());
        label.setItems(columns);
        label.setPlaceholder("the column to predict");
        String chosen = version.getDeletedAt() == null ? chosenLabel(project, version, askedLabel) : null;
        if (chosen != null && columns.contains(chosen)) {
            label.setValue(chosen);
        }
        label.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                navigate(project, version.getId(), change.getValue());
            }
        });
        HorizontalLayout form = new HorizontalLayout(versionBox, label);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (can(DataPermissions.RANK_FEATURES) && version.getDeletedAt() == null) {
            EditForm edit = new EditForm(form);
            edit.field(label, "Label");
            Button rank = new Button("Rank features", click -> {
                if (edit.submit(() -> rankings.rank(project.id(), version.getId(), label.getValue()))) {
                    Notices.success("Ranking queued");
                    navigate(project, version.getId(), label.getValue());
                }
            });
            form.add(rank, edit.status());
        }
        return form;
    }

    private void navigate(ProjectRef project, UUID versionId, String label) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(PageChoice.VERSION, versionId.toString());
        if (label != null) {
            parameters.put(LABEL_PARAMETER, label);
        }
        UI.getCurrent().navigate("data/feature-selection/" + project.id(), QueryParameters.simple(parameters));
        // Navigating to the page already shown re-enters it only when the URL changed: show the news either way.
        show(project, versions.version(project.id(), versionId), label);
    }

    private Component stateLine(DatasetVersionRecord version, String label, Optional<RankingState> state) {
        Div line = new Div();
        line.addClassName("ranking-state");
        if (state.isEmpty()) {
            line.add(new Paragraph("The features of v" + version.getVersion() + " were not ranked against " + label + " yet. "
                    + (can(DataPermissions.RANK_FEATURES) ? "Rank them with the button above." : "A member of the project can rank them.")));
            return line;
        }
        RankingState s = state.get();
        switch (s.status()) {
            case QUEUED, RUNNING -> {
                ProgressBar bar = new ProgressBar(0, 1, s.progress());
                bar.setIndeterminate(s.status() == RankingState.Status.QUEUED);
                bar.getElement().setAttribute("aria-label", "Ranking progress");
                line.add(new Span(s.status() == RankingState.Status.QUEUED ? "Ranking is queued (requested by " + s.requestedBy() + ")."
                        : "Ranking: " + Math.round(100 * s.progress()) + "% done."), bar, new Anchor("jobs", "Cancel it on the Jobs page"));
                if (s.ranking().isPresent()) {
                    line.add(new Paragraph("Below: the ranking computed before, until the new one is done."));
                }
            }
            case FAILED, CANCELLED -> line.add(new Paragraph(s.error() + (s.ranking().isPresent() ? " Below: the ranking computed before." : "")));
            case DONE -> {
                FeatureRanking r = s.ranking().orElseThrow();
                line.add(new Paragraph("Ranked " + s.computedAt().toLocalDate() + " for " + s.computedBy() + " on "
                        + (r.sampled() ? "a sample: the first " + r.rowsRead() + " of the version's " + version.getRowCount() + " rows"
                        : "all " + r.rowsRead() + " rows") + (r.rowsWithoutLabel() > 0 ? ", " + r.rowsWithoutLabel()
                        + " of them left out for a missing label" : "") + ". " + labelText(r)));
            }
        }
        return line;
    }

    private static String labelText(FeatureRanking r) {
        String kind = switch (r.labelKind()) {
            case NUMERIC -> "a number, cut into " + r.labelSymbols() + " equal-frequency bins for the counts";
            case BINARY -> "two classes";
            case CLASSES -> r.labelSymbols() + " classes";
        };
        return r.label() + " is " + kind + " (entropy " + SelectionText.bits(r.labelEntropy()) + " bits, the most any feature's mutual "
                + "information can be); numeric features are cut into up to " + r.bins() + " equal-frequency bins, categorical ones keep "
                + "their " + (r.bins() - 1) + " most frequent values and count the rest as one, and a missing value counts as a value.";
    }

    private Component results(ProjectRef project, DatasetVersionRecord version, FeatureRanking ranking) {
        Div results = new Div();
        results.setWidthFull();
        if (ranking.features().isEmpty()) {
            results.add(new Paragraph("There is no feature to show."));
            return results;
        }
        ComboBox<RankingMethod> method = new ComboBox<>("Order by");
        method.setItems(RankingMethod.values());
        method.setItemLabelGenerator(RankingMethod::title);
        method.setValue(RankingMethod.MRMR);
        IntegerField top = new IntegerField("Keep the top");
        top.setMin(1);
        top.setMax(ranking.features().size());
        top.setStepButtonsVisible(true);
        top.setValue(Math.min(5, ranking.features().size()));
        HorizontalLayout controls = new HorizontalLayout(method, top);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<FeatureScore> grid = grid(ranking);
        DistributionChart chart = new DistributionChart("Scores of the features");
        TextArea reason = new TextArea("Reason");
        String[] suggested = {""};
        Runnable choose = () -> {
            RankingMethod m = method.getValue() == null ? RankingMethod.MRMR : method.getValue();
            int k = top.getValue() == null ? 0 : Math.max(0, Math.min(top.getValue(), ranking.features().size()));
            List<FeatureScore> ordered = m.order(ranking);
            grid.setItems(ordered);
            grid.asMultiSelect().clear();
            ordered.stream().limit(k).forEach(grid::select);
            chart.getElement().setAttribute("aria-label", m.title() + " score of each feature, best first");
            chart.setDistribution(new DistributionChart.Distribution(ordered.stream().map(FeatureScore::name).toList(),
                    List.of(new DistributionChart.Series(m.title(), ordered.stream().map(m::score).toList())), m.title() + " score", false));
            if (reason.getValue().equals(suggested[0])) {
                suggested[0] = SelectionRecipes.suggestedReason(ranking, m, k);
                reason.setValue(suggested[0]);
            }
        };
        method.addValueChangeListener(change -> choose.run());
        top.addValueChangeListener(change -> choose.run());
        choose.run();
        results.add(new H4("Features"), controls, grid, new H4("Scores"), chart);
        if (can(DataPermissions.EDIT_RECIPE)) {
            results.add(new SaveSelectionForm(project, version, ranking, grid, reason, recipes.recipes(project.id(), version.getDatasetId()),
                    selections));
        }
        return results;
    }

    private Grid<FeatureScore> grid(FeatureRanking ranking) {
        Grid<FeatureScore> grid = new Grid<>();
        grid.addClassName("feature-ranking");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(FeatureScore::name).setHeader("Feature").setKey("feature").setSortable(true)
                .setComparator(Comparator.comparing(FeatureScore::name)).setAutoWidth(true);
        grid.addColumn(f -> f.numeric() ? "numeric" : "categorical").setHeader("Read as").setKey("kind").setSortable(true);
        grid.addColumn(f -> SelectionText.bits(f.mutualInformation())).setHeader("Mutual information (bits)").setKey("mi")
                .setComparator(Comparator.comparingDouble(FeatureScore::mutualInformation)).setSortable(true);
        grid.addColumn(f -> f.correlation() == null ? "undefined" : SelectionText.score(f.correlation()) + " (" + f.measure().title() + ")")
                .setHeader("Correlation").setKey("correlation")
                .setComparator(Comparator.comparingDouble(f -> f.correlation() == null ? -1 : f.correlation())).setSortable(true);
        for (Method method : Method.values()) {
            grid.addColumn(f -> "#" + f.placement(method).rank() + " · " + SelectionText.score(f.placement(method).score()))
                    .setHeader(method.title() + " (rank · score)").setKey(method.name().toLowerCase(Locale.ROOT))
                    .setComparator(Comparator.comparingInt(f -> f.placement(method).rank())).setSortable(true);
        }
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void poll(ProjectRef project, DatasetVersionRecord version, String label) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        // Each tick shows the page anew; showing stops this polling and starts another while the ranking is still pending.
        polling = WaitingPoll.start(ui, () -> show(project, versions.version(project.id(), version.getId()), label));
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }
}
