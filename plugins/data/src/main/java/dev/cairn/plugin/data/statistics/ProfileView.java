package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
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
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.ClassBalance;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.NumericSummary;
import dev.cairn.plugin.data.profile.ValueCount;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * A version's statistics: while the profiling job runs, its progress (the page polls until it
 * ends); then the dataset summary (rows, duplicate rows, the label's class balance) and one row per
 * column with its figures and a sparkline, each column linking to its own page. Members re-profile,
 * with a label column if they choose. URL {@code data/statistics/<project id>?version=<version id>};
 * another project's or tenant's version is "not found".
 */
@Route("data/statistics")
@PageTitle("Statistics · Cairn")
@PermitAll
public class ProfileView extends ProjectPage implements BeforeEnterObserver {

    static final String VERSION_PARAMETER = "version";
    static final int POLL_MILLIS = WaitingPoll.INTERVAL_MILLIS;

    private final StoredProfiles profiles;
    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final Div content = new Div();
    private Registration polling;

    public ProfileView(StoredProfiles profiles, DatasetVersions versions, DatasetService datasets, ProjectDirectory projects,
                       PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Statistics", DataPermissions.READ);
        this.profiles = profiles;
        this.versions = versions;
        this.datasets = datasets;
    }

    /** The page of a version's statistics. */
    public static String url(UUID projectId, UUID versionId) {
        return "data/statistics/" + projectId + "?" + VERSION_PARAMETER + "=" + versionId;
    }

    static String datasetUrl(UUID projectId, UUID datasetId) {
        return "data/dataset/" + projectId + "?dataset=" + datasetId;
    }

    static String columnUrl(UUID projectId, UUID versionId, String column) {
        return ColumnView.ROUTE + "/" + projectId + "?" + VERSION_PARAMETER + "=" + versionId + "&" + ColumnView.COLUMN_PARAMETER + "="
                + URLEncoder.encode(column, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The version named by the query string, as the enter event carries it; another project's or tenant's is not found. */

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        chosenVersion(event, versions, project(), content).ifPresent(version -> show(project(), version));
    }

    /** The version the page's query string names; empty, and the page says what to choose, without one. */
    static Optional<DatasetVersionRecord> chosenVersion(BeforeEnterEvent event, DatasetVersions versions, ProjectRef project, Div content) {
        return PageChoice.version(event, versions, project, content,
                "Choose a dataset on the Datasets page, then a version's statistics in its history");
    }

    private void show(ProjectRef project, DatasetVersionRecord version) {
        content.removeAll();
        String dataset = datasets.find(project.id(), version.getDatasetId()).getName();
        content.add(new Anchor(datasetUrl(project.id(), version.getDatasetId()), "← " + dataset), new H3(dataset + " v" + version.getVersion()
                + " · statistics"));
        if (version.getDeletedAt() != null) {
            content.add(new Paragraph("This version was deleted on " + version.getDeletedAt().toLocalDate() + ": its statistics went with its bytes."));
            poll(project, version, false);
            return;
        }
        Optional<ProfileState> state = profiles.state(project.id(), version.getId());
        content.add(stateLine(state));
        if (can(DataPermissions.UPLOAD)) {
            content.add(reprofileForm(project, version, state));
        }
        if (state.isPresent() && state.get().hasProfile()) {
            profiles.profile(project.id(), version.getId()).ifPresent(profile -> {
                content.add(summary(profile));
                content.add(new H4("Columns"), columnTable(project, version, profile));
            });
        }
        poll(project, version, state.map(s -> s.status().pending()).orElse(false));
    }

    /** What the newest run did, and what to do when there is nothing to show. */
    private Component stateLine(Optional<ProfileState> state) {
        Div line = new Div();
        line.addClassName("statistics-state");
        if (state.isEmpty()) {
            line.add(new Paragraph("No statistics yet: this version was uploaded before statistics were computed. "
                    + (can(DataPermissions.UPLOAD) ? "Profile it with the button below." : "A member or manager of the project can profile it.")));
            return line;
        }
        ProfileState s = state.get();
        switch (s.status()) {
            case QUEUED, RUNNING -> {
                ProgressBar bar = new ProgressBar(0, 1, s.progress());
                bar.setIndeterminate(s.status() == ProfileState.Status.QUEUED);
                bar.getElement().setAttribute("aria-label", "Profiling progress");
                line.add(new Span(s.status() == ProfileState.Status.QUEUED ? "Profiling is queued (requested by " + s.requestedBy() + ")."
                        : "Profiling: " + Math.round(100 * s.progress()) + "% of the rows read."), bar);
                if (s.hasProfile()) {
                    line.add(new Paragraph("Below: the statistics computed before, until the new ones are done."));
                }
            }
            case FAILED -> line.add(new Paragraph(s.error() + (s.hasProfile() ? " Below: the statistics computed before."
                    : can(DataPermissions.UPLOAD) ? " Profile it again with the button below once the cause is fixed."
                    : " A member or manager of the project can profile it again.")));
            case DONE -> line.add(new Span("Computed " + s.computedAt().toLocalDate() + " for " + s.computedBy()
                    + (s.profileLabel() == null ? "." : ", with " + s.profileLabel() + " as the label.")));
        }
        return line;
    }

    private Component reprofileForm(ProjectRef project, DatasetVersionRecord version, Optional<ProfileState> state) {
        ComboBox<String> label = new ComboBox<>("Label column (for its class balance)");
        label.setItems(versions.columns(project.id(), version.getId()));
        label.setClearButtonVisible(true);
        label.setPlaceholder("none");
        state.map(ProfileState::labelColumn).ifPresent(label::setValue);
        HorizontalLayout form = new HorizontalLayout();
        EditForm edit = new EditForm(form);
        edit.field(label, "Label column");
        Button again = new Button(state.isEmpty() ? "Profile" : "Profile again", click -> {
            if (edit.submit(() -> profiles.reprofile(project.id(), version.getId(), label.getValue()))) {
                Notices.success("Profiling queued");
                show(project, versions.version(project.id(), version.getId()));
            }
        });
        again.setEnabled(state.map(s -> !s.status().pending()).orElse(true));
        form.add(label, again, edit.status());
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private Component summary(DatasetProfile profile) {
        Div summary = new Div();
        summary.addClassName("statistics-summary");
        summary.add(new H4("Dataset"), new Paragraph(StatisticsText.count(profile.rows()) + " rows, " + profile.columnNames().size()
                + " columns; duplicate rows: " + StatisticsText.estimate(profile.duplicateRows(), "estimated from row hashes") + "."));
        profile.classBalance().ifPresent(balance -> summary.add(classBalance(balance)));
        return summary;
    }

    private static Component classBalance(ClassBalance balance) {
        StringBuilder text = new StringBuilder("Class balance of " + balance.column() + (balance.exact() ? "" : " (estimated, most frequent classes)")
                + ": ");
        for (int i = 0; i < balance.classes().size(); i++) {
            ValueCount c = balance.classes().get(i);
            text.append(i == 0 ? "" : ", ").append("'").append(c.value()).append("' ").append(StatisticsText.count(c.count())).append(" (")
                    .append(StatisticsText.share(balance.share(c.value()))).append(")");
        }
        text.append("; ").append(StatisticsText.count(balance.missing())).append(" rows without a label.");
        Paragraph paragraph = new Paragraph(text.toString());
        paragraph.addClassName("class-balance");
        return paragraph;
    }

    private static final String[] HEADERS = {"Column", "Type", "Count", "Missing", "Distinct", "Min", "Max", "Mean", "Std", "Top values",
            "Distribution"};

    private NativeTable columnTable(ProjectRef project, DatasetVersionRecord version, DatasetProfile profile) {
        NativeTable table = new NativeTable();
        table.addClassName("statistics-columns");
        NativeTableHeader header = table.getHead();
        NativeTableRow head = header.addRow();
        for (String title : HEADERS) {
            head.add(new NativeTableHeaderCell(title));
        }
        NativeTableBody body = table.getBody();
        for (ColumnProfile column : profile.columns()) {
            NativeTableRow row = body.addRow();
            Optional<NumericSummary> numbers = column.numeric();
            row.add(new NativeTableCell(new Anchor(columnUrl(project.id(), version.getId(), column.name()), column.name())),
                    new NativeTableCell(column.type().name().toLowerCase()),
                    new NativeTableCell(StatisticsText.count(column.count())),
                    new NativeTableCell(StatisticsText.missing(column, profile.rows())),
                    new NativeTableCell(StatisticsText.estimate(column.distinct(), "HLL estimate")),
                    new NativeTableCell(numbers.map(n -> StatisticsText.number(n.min())).orElse("")),
                    new NativeTableCell(numbers.map(n -> StatisticsText.number(n.max())).orElse("")),
                    new NativeTableCell(numbers.map(n -> StatisticsText.number(n.mean())).orElse("")),
                    new NativeTableCell(numbers.map(n -> StatisticsText.number(n.std())).orElse("")),
                    new NativeTableCell(StatisticsText.topValues(column.topValues(StatisticsText.TOP_IN_TABLE))),
                    new NativeTableCell(new Sparkline(ProfileFigures.sparkline(column), ProfileFigures.sparklineLabel(column))));
        }
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        return table;
    }

    /** Polls while profiling runs (the page shows the job's progress), and stops once it ended or the page is left. */
    private void poll(ProjectRef project, DatasetVersionRecord version, boolean pending) {
        UI ui = UI.getCurrent();
        if (pending && polling == null && ui != null) {
            polling = WaitingPoll.start(ui, () -> show(project, versions.version(project.id(), version.getId())));
        } else if (!pending) {
            stopPolling();
        }
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
