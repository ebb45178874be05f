package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.Histogram;
import dev.cairn.plugin.data.profile.Quantiles;
import dev.cairn.plugin.data.profile.ValueCount;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One column of a version's statistics: a larger chart (the histogram of a number column, the most
 * frequent values of any other), the quantiles (said to be estimates, with their rank error, when
 * read from the KLL sketch), string lengths and the timestamp range. URL
 * {@code data/statistics-column/<project id>?version=<version id>&column=<name>}.
 */
@Route(ColumnView.ROUTE)
@PageTitle("Column statistics · Cairn")
@PermitAll
public class ColumnView extends ProjectPage implements BeforeEnterObserver {

    static final String ROUTE = "data/statistics-column";
    static final String COLUMN_PARAMETER = "column";

    private final StoredProfiles profiles;
    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final Div content = new Div();

    public ColumnView(StoredProfiles profiles, DatasetVersions versions, DatasetService datasets, ProjectDirectory projects,
                      PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Column statistics", DataPermissions.READ);
        this.profiles = profiles;
        this.versions = versions;
        this.datasets = datasets;
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRef project = project();
        Optional<DatasetVersionRecord> chosen = ProfileView.chosenVersion(event, versions, project, content);
        if (chosen.isEmpty()) {
            return;
        }
        DatasetVersionRecord version = chosen.get();
        String name = event.getLocation().getQueryParameters().getSingleParameter(COLUMN_PARAMETER).orElse("");
        String dataset = datasets.find(project.id(), version.getDatasetId()).getName();
        content.removeAll();
        content.add(new Anchor(ProfileView.url(project.id(), version.getId()), "← " + dataset + " v" + version.getVersion() + " statistics"),
                new H3(name + " · " + dataset + " v" + version.getVersion()));
        Optional<DatasetProfile> profile = profiles.profile(project.id(), version.getId());
        if (profile.isEmpty()) {
            content.add(new Paragraph("No statistics yet for this version: see its statistics page for the profiling job's progress, "
                    + "or profile it there."));
            return;
        }
        if (!profile.get().columnNames().contains(name)) {
            throw new NotFoundException("Column");
        }
        show(profile.get(), profile.get().column(name));
    }

    private void show(DatasetProfile profile, ColumnProfile column) {
        content.add(new Paragraph(column.type().name().toLowerCase() + "; " + StatisticsText.count(column.count()) + " present, "
                + StatisticsText.missing(column, profile.rows()) + " missing; distinct " + StatisticsText.estimate(column.distinct(), "HLL estimate")
                + "."));
        column.numeric().ifPresent(n -> content.add(new Paragraph("Min " + StatisticsText.number(n.min()) + ", max " + StatisticsText.number(n.max())
                + ", mean " + StatisticsText.number(n.mean()) + ", std " + StatisticsText.number(n.std())
                + (n.nan() + n.infinite() > 0 ? "; left out: " + n.nan() + " NaN, " + n.infinite() + " infinite" : "") + ".")));
        content.add(chart(column));
        column.quantiles().ifPresent(q -> content.add(new H4("Quantiles"), quantiles(q)));
        column.lengths().ifPresent(l -> content.add(new H4("String lengths"), new Paragraph("Shortest " + l.min() + ", mean "
                + String.format(Locale.ROOT, "%.1f", l.mean()) + ", longest " + l.max() + " characters.")));
        column.timestamps().ifPresent(t -> content.add(new H4("Timestamps"), new Paragraph("From " + t.min() + " to " + t.max() + ".")));
    }

    private Component chart(ColumnProfile column) {
        Div section = new Div();
        Optional<Histogram> histogram = ProfileFigures.histogram(column, ProfileFigures.CHART_BINS);
        if (histogram.isPresent()) {
            Histogram h = histogram.get();
            DistributionChart chart = new DistributionChart("Histogram of " + column.name() + " in " + h.counts().length + " equal-width bins");
            List<String> labels = new ArrayList<>();
            List<Double> counts = new ArrayList<>();
            for (int i = 0; i < h.counts().length; i++) {
                labels.add(StatisticsText.number(h.edges()[i]) + " – " + StatisticsText.number(h.edges()[i + 1]));
                counts.add((double) h.counts()[i]);
            }
            chart.setDistribution(new DistributionChart.Distribution(labels, List.of(new DistributionChart.Series("Rows", counts)), "rows", false));
            section.add(new H4("Histogram"), chart, new Paragraph(h.exact() ? "Exact counts." : "Counts estimated from the KLL sketch."));
            return section;
        }
        List<ValueCount> top = column.topValues(ProfileFigures.TOP_VALUES);
        if (top.isEmpty()) {
            section.add(new Paragraph("No value is present in this column, so there is nothing to chart."));
            return section;
        }
        DistributionChart chart = new DistributionChart("Counts of the " + top.size() + " most frequent values of " + column.name());
        chart.setDistribution(new DistributionChart.Distribution(top.stream().map(ValueCount::value).toList(),
                List.of(new DistributionChart.Series("Rows", top.stream().map(v -> (double) v.count()).toList())), "rows", false));
        long error = column.topValuesMaximumError();
        section.add(new H4("Most frequent values"), chart, new Paragraph(error == 0 ? "Exact counts."
                : "Counts estimated by the frequent-items sketch, each at most " + StatisticsText.count(error) + " off."));
        return section;
    }

    private static Component quantiles(Quantiles q) {
        NativeTable table = new NativeTable();
        table.addClassName("statistics-quantiles");
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell("Rank"), new NativeTableHeaderCell(q.exact() ? "Value (exact)"
                : String.format(Locale.ROOT, "Value (estimate ± %.1f%% rank error, KLL sketch)", 100 * q.rankError())));
        for (int i = 0; i < q.ranks().length; i++) {
            NativeTableRow row = table.getBody().addRow();
            row.add(new NativeTableCell(String.format(Locale.ROOT, "%g%%", 100 * q.ranks()[i])), new NativeTableCell(StatisticsText.number(q.values()[i])));
        }
        return table;
    }
}
