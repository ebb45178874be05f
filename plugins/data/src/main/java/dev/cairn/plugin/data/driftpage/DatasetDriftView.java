package dev.cairn.plugin.data.driftpage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.OverlaidHistogram;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.driftpage.DriftSettingsRules.FeatureSetting;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drift between two versions of a dataset, {@code data/drift/<project id>?dataset=<id>} (optionally
 * {@code &reference=N&current=M}): the previous and the newest version by default; per feature the
 * deciding method and why, its value and threshold, the verdict and the other methods' raw values;
 * the dataset's verdict; an overlaid histogram per feature; and the dataset's drift settings (edited
 * by those who upload versions, read by everyone else).
 */
@Route("data/drift")
@PageTitle("Drift · Cairn")
@PermitAll
public class DatasetDriftView extends ProjectPage implements BeforeEnterObserver {

    public static final String DATASET_PARAMETER = "dataset";
    static final String EMPTY = "Upload a second version to compare.";

    private final DatasetService datasets;
    private final DatasetDrift drift;
    private final DriftSettingsStore settings;
    private final Div content = new Div();
    private final Div report = new Div();
    private final StatusLine refusal = new StatusLine();
    private Select<Integer> reference;
    private Select<Integer> current;

    public DatasetDriftView(DatasetService datasets, DatasetDrift drift, DriftSettingsStore settings,
                            ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Drift", DataPermissions.READ);
        this.datasets = datasets;
        this.drift = drift;
        this.settings = settings;
    }

    private static Select<Integer> versionPicker(String label, List<Integer> versions, Integer value) {
        Select<Integer> picker = new Select<>();
        picker.setLabel(label);
        picker.setItemLabelGenerator(v -> "v" + v);
        picker.setItems(versions);
        picker.setValue(value);
        return picker;
    }

    /** The page's address for a dataset (the dataset page links here). */
    public static String url(ProjectRef project, UUID dataset) {
        return "data/drift/" + project.id() + "?" + DATASET_PARAMETER + "=" + dataset;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        PageChoice.dataset(event, datasets, project(), content).ifPresent(dataset -> show(dataset,
                number(query.getSingleParameter("reference")), number(query.getSingleParameter("current"))));
    }

    private static Integer number(Optional<String> text) {
        try {
            return text.map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    private void show(DatasetRecord dataset, Integer askedReference, Integer askedCurrent) {
        content.removeAll();
        content.add(new Anchor("data/dataset/" + project().id() + "?dataset=" + dataset.getId(), "← " + dataset.getName()),
                new H3("Drift of " + dataset.getName()));
        Optional<DatasetDrift.Pair> pair = drift.defaultPair(project().id(), dataset.getId());
        if (pair.isEmpty()) {
            Paragraph empty = new Paragraph(EMPTY);
            empty.addClassName("drift-empty");
            content.add(empty);
            return;
        }
        List<Integer> live = drift.liveNumbers(project().id(), dataset.getId());
        // A number from the address that is no live version is still compared: the refusal says why.
        List<Integer> offered = new ArrayList<>(live);
        for (Integer asked : new Integer[] {askedReference, askedCurrent}) {
            if (asked != null && !offered.contains(asked)) {
                offered.add(asked);
            }
        }
        reference = versionPicker("Reference version", offered, askedReference != null ? askedReference : pair.get().reference());
        current = versionPicker("Current version", offered, askedCurrent != null ? askedCurrent : pair.get().current());
        reference.addValueChangeListener(change -> compare(dataset));
        current.addValueChangeListener(change -> compare(dataset));
        HorizontalLayout pickers = new HorizontalLayout(reference, current);
        pickers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        content.add(pickers, refusal, report);
        compare(dataset);
    }

    private void compare(DatasetRecord dataset) {
        report.removeAll();
        if (reference.getValue() == null || current.getValue() == null) {
            return;
        }
        refusal.attempt(() -> showReport(dataset, drift.compare(project().id(), dataset.getId(), reference.getValue(),
                current.getValue())));
    }

    private void showReport(DatasetRecord dataset, VersionDrift result) {
        Paragraph verdict = new Paragraph(DriftText.verdict(result.report()));
        verdict.addClassName("drift-verdict");
        Grid<FeatureDrift> table = new Grid<>();
        table.addClassName("drift-features");
        table.addColumn(FeatureDrift::feature).setHeader("Feature").setAutoWidth(true).setFlexGrow(0);
        table.addColumn(f -> f.compared() ? f.verdict().method().label() : "not compared").setHeader("Method")
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(f -> f.compared() ? DriftText.why(f) : f.notCompared()).setHeader("Why").setFlexGrow(1);
        table.addColumn(f -> f.compared() ? DriftText.number(f.verdict().value()) : "").setHeader("Value")
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(f -> f.compared() ? DriftText.threshold(f.verdict()) : "").setHeader("Threshold")
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(f -> !f.compared() ? "" : f.drifted() ? "drifted" : "no drift").setHeader("Drift")
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(DriftText::others).setHeader("Other methods (raw values)").setFlexGrow(2);
        table.setItems(result.report().features());
        table.setAllRowsVisible(true);
        report.add(verdict);
        if (can(DataPermissions.UPLOAD)) {
            report.add(recordButton(dataset, result));
        }
        report.add(table, new H3("Distributions"));
        for (FeatureDrift feature : result.report().features()) {
            if (feature.histogram() != null) {
                report.add(new H4(feature.feature()), chart(feature, result));
            }
        }
        report.add(settingsSection(dataset, result));
    }

    /** Saves the report shown into the lineage graph, made from both versions. */
    private Div recordButton(DatasetRecord dataset, VersionDrift result) {
        Paragraph recorded = new Paragraph();
        recorded.addClassName("drift-recorded");
        recorded.setVisible(false);
        StatusLine status = new StatusLine();
        Button record = new Button("Record this report");
        record.addClickListener(click -> status.attempt(() -> {
            DatasetDrift.Recorded saved = drift.record(project().id(), dataset.getId(), result.reference(), result.current());
            recorded.setText("Recorded as \u201c" + saved.name() + "\u201d in the project's lineage, made from both versions.");
            recorded.setVisible(true);
            record.setEnabled(false);
        }));
        return new Div(record, status, recorded);
    }

    static DistributionChart chart(FeatureDrift feature, VersionDrift result) {
        DistributionChart chart = new DistributionChart("Distribution of " + feature.feature() + " in v" + result.reference()
                + " and v" + result.current());
        List<OverlaidHistogram.Bin> bins = feature.histogram().bins();
        chart.setDistribution(new DistributionChart.Distribution(bins.stream().map(OverlaidHistogram.Bin::label).toList(),
                List.of(new DistributionChart.Series("v" + result.reference() + " (reference)",
                                bins.stream().map(OverlaidHistogram.Bin::referenceShare).toList()),
                        new DistributionChart.Series("v" + result.current() + " (current)",
                                bins.stream().map(OverlaidHistogram.Bin::currentShare).toList())),
                "share of values", true));
        return chart;
    }

    private Div settingsSection(DatasetRecord dataset, VersionDrift result) {
        Div section = new Div(new H3("Drift settings"));
        section.addClassName("drift-settings");
        DriftSettingsStore.Stored stored = settings.read(project().id(), dataset.getId());
        Map<String, FeatureSetting> byFeature = new LinkedHashMap<>();
        stored.features().forEach(f -> byFeature.put(f.feature(), f));
        if (!can(DataPermissions.UPLOAD)) {
            section.add(new Paragraph(String.format(Locale.ROOT, "The dataset drifts when a share of %.2f of its compared"
                    + " features drift.", stored.driftShare())));
            stored.features().forEach(f -> section.add(new Paragraph(f.feature() + ": " + f.method().label()
                    + (f.threshold() == null ? " at its default threshold" : " at " + DriftText.number(f.threshold())))));
            if (stored.features().isEmpty()) {
                section.add(new Paragraph("Every feature uses Evidently's default method and threshold."));
            }
            return section;
        }
        EditForm form = new EditForm(section);
        DecimalField share = new DecimalField("Drift share");
        share.setNumber(stored.driftShare());
        share.setHelperText("The dataset drifts when this share of its compared features drift (Evidently: 0.5).");
        form.checked(share, "Drift share", text -> problem(share.problem() != null ? share.problem()
                : DriftSettingsRules.shareProblem(share.getNumber())));
        section.add(share);
        List<String> features = new ArrayList<>(result.report().features().stream().map(FeatureDrift::feature).toList());
        byFeature.keySet().stream().filter(f -> !features.contains(f)).forEach(features::add);
        List<Row> rows = new ArrayList<>();
        for (String feature : features) {
            FeatureSetting setting = byFeature.get(feature);
            ComboBox<DriftMethod> method = new ComboBox<>("Method for " + feature, Arrays.asList(DriftMethod.values()));
            method.setItemLabelGenerator(DriftMethod::label);
            method.setPlaceholder("Evidently's default");
            method.setClearButtonVisible(true);
            DecimalField threshold = new DecimalField("Threshold for " + feature);
            threshold.setPlaceholder("the method's default");
            if (setting != null) {
                method.setValue(setting.method());
                threshold.setNumber(setting.threshold());
            }
            form.field(method, "Method for " + feature);
            form.checked(threshold, "Threshold for " + feature, text -> problem(threshold.problem() != null
                    ? threshold.problem() : DriftSettingsRules.thresholdProblem(method.getValue(), threshold.getNumber())));
            rows.add(new Row(feature, method, threshold));
            HorizontalLayout line = new HorizontalLayout(method, threshold);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            section.add(line);
        }
        Button save = new Button("Save drift settings", click -> {
            if (form.submit(() -> settings.save(project().id(), dataset.getId(), share.getNumber(), rows.stream()
                    .filter(r -> r.method().getValue() != null)
                    .map(r -> new FeatureSetting(r.feature(), r.method().getValue(), r.threshold().getNumber())).toList()))) {
                compare(dataset);
            }
        });
        section.add(form.status(), save);
        return section;
    }

    private record Row(String feature, ComboBox<DriftMethod> method, DecimalField threshold) {
    }

    private static void problem(String message) {
        if (message != null) {
            throw new IllegalArgumentException(message);
        }
    }
}
