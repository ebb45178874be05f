package dev.cairn.plugin.data.validation;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.data.Feature;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.api.ui.WaitingPoll;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.schema.SchemaVersion;
import dev.cairn.plugin.data.schema.SchemaView;
import dev.cairn.plugin.data.statistics.ProfileState;
import dev.cairn.plugin.data.statistics.ProfileView;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A version's validation: choose the schema version (the newest approved, else the newest, and the
 * page says which) and the environment, validate, and read the anomalies with their fixes; a fix's
 * button saves the next schema version with a reason and validates again, so the anomaly is seen
 * gone. Members and managers make the version the dataset's training version here. The version's
 * past validations are listed. URL {@code data/validation/<project id>?version=<version id>};
 * another project's or tenant's version is "not found".
 */
@Route("data/validation")
@PageTitle("Validation · Cairn")
@PermitAll
public class ValidationView extends ProjectPage implements BeforeEnterObserver {

    static final String ENVIRONMENT = "Environment";
    static final String SCHEMA_VERSION = "Schema version";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetSchemas schemas;
    private final StoredProfiles profiles;
    private final VersionValidations validations;
    private final TrainingVersions training;
    private final Div content = new Div();
    private Registration polling;

    public ValidationView(DatasetService datasets, DatasetVersions versions, DatasetSchemas schemas, StoredProfiles profiles,
                          VersionValidations validations, TrainingVersions training, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Validation", DataPermissions.READ);
        this.datasets = datasets;
        this.versions = versions;
        this.schemas = schemas;
        this.profiles = profiles;
        this.validations = validations;
        this.training = training;
    }

    /** The validation page of a version, for links from other pages. */
    public static String url(UUID projectId, UUID versionId) {
        return "data/validation/" + projectId + "?" + PageChoice.VERSION + "=" + versionId;
    }

    /** The Lumo badge theme of a verdict. */
    static String theme(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "badge success";
            case WARNINGS -> "badge";
            case FAILED -> "badge error";
        };
    }

    @Override
    protected void render(ProjectRef project) {
        content.removeAll();
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PageChoice.version(event, versions, project(), content, "Choose a dataset on the Datasets page, then a version's validation in its history")
                .ifPresent(version -> show(version, null));
    }

    /** @param shown the run to show the anomalies of; null for the version's newest */
    void show(DatasetVersionRecord version, StoredValidation shown) {
        stopPolling();
        ProjectRef project = project();
        DatasetRecord dataset = datasets.find(project.id(), version.getDatasetId());
        content.removeAll();
        content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + dataset.getId(), "← " + dataset.getName()),
                new H3(dataset.getName() + " v" + version.getVersion() + " · validation"));
        if (version.getDeletedAt() != null) {
            content.add(note("This version was deleted on " + version.getDeletedAt().toLocalDate() + ": there is no data left to validate."));
            return;
        }
        trainingLine(project, dataset, version);
        List<SchemaVersion> history = schemas.history(project.id(), dataset.getId());
        if (history.isEmpty()) {
            content.add(note("This dataset has no schema yet: infer one on its schema page first, then validate against it."),
                    new Anchor(SchemaView.url(project.id(), dataset.getId()), "Infer a schema on the schema page"));
            return;
        }
        if (!profiled(project, version)) {
            return;
        }
        controls(project, version, history);
        List<StoredValidation> runs = validations.history(project.id(), version.getId());
        StoredValidation run = shown != null ? shown : runs.stream().findFirst().orElse(null);
        if (run == null) {
            content.add(note("Not validated yet: choose the schema version and environment and press Validate."));
        } else {
            content.add(result(project, dataset, version, run));
        }
        if (!runs.isEmpty()) {
            content.add(new H4("Past validations"), pastRuns(version, runs));
        }
    }

    private void trainingLine(ProjectRef project, DatasetRecord dataset, DatasetVersionRecord version) {
        Optional<DatasetVersionRecord> current = training.of(project.id(), dataset.getId());
        boolean isTraining = current.map(v -> v.getId().equals(version.getId())).orElse(false);
        Paragraph line = new Paragraph(isTraining ? "This is the training version of " + dataset.getName() + "."
                : current.map(v -> "The training version of " + dataset.getName() + " is version " + v.getVersion() + ".")
                        .orElse(dataset.getName() + " has no training version yet."));
        line.addClassName("validation-training");
        content.add(line);
        if (!isTraining && can(DataPermissions.VALIDATE)) {
            StatusLine status = new StatusLine();
            Button choose = new Button("Make version " + version.getVersion() + " the training version", click -> new Confirmation(
                    "Make version " + version.getVersion() + " the training version?", "Models of " + dataset.getName()
                    + " learn from the training version, and the data gate passes once it validates against an approved schema with no"
                    + " error." + current.map(v -> " It replaces version " + v.getVersion() + ".").orElse(""), "Make it the training version",
                    () -> {
                        if (status.attempt(() -> training.choose(project.id(), dataset.getId(), version.getId()))) {
                            Notices.success("Version " + version.getVersion() + " is the training version of " + dataset.getName());
                            show(version, null);
                        }
                    }).open());
            content.add(new HorizontalLayout(choose), status);
        }
    }

    /** Whether the version's statistics are there to validate; else says why, polling while the profiling job runs. */
    private boolean profiled(ProjectRef project, DatasetVersionRecord version) {
        Optional<ProfileState> state = profiles.state(project.id(), version.getId());
        if (state.isPresent() && state.get().hasProfile()) {
            return true;
        }
        if (state.isPresent() && state.get().status().pending()) {
            ProfileState s = state.get();
            ProgressBar bar = new ProgressBar(0, 1, s.progress());
            bar.setIndeterminate(s.status() == ProfileState.Status.QUEUED);
            bar.getElement().setAttribute("aria-label", "Profiling v" + version.getVersion());
            content.add(note("Validation reads the version's statistics, which are being computed ("
                    + (s.status() == ProfileState.Status.QUEUED ? "queued" : Math.round(100 * s.progress()) + "%") + "): wait a moment."), bar);
            stopPolling();
            polling = WaitingPoll.start(UI.getCurrent(), () -> show(version, null));
            return false;
        }
        content.add(note(state.map(s -> "Profiling this version failed: " + s.error() + " Validation reads its statistics: profile it again"
                        + " on its statistics page.")
                .orElse("This version has no statistics yet, and validation reads them: profile it on its statistics page.")),
                new Anchor(ProfileView.url(project.id(), version.getId()), "Statistics of version " + version.getVersion()));
        return false;
    }

    private void controls(ProjectRef project, DatasetVersionRecord version, List<SchemaVersion> history) {
        SchemaVersion preferred = validations.defaultSchema(project.id(), version.getDatasetId()).orElseThrow();
        content.add(note(preferred.status() == SchemaVersion.Status.APPROVED
                ? "Validating against the approved schema version " + preferred.version() + " unless you choose another."
                : "No schema version is approved yet: validating against the newest, draft version " + preferred.version() + "."));
        if (!can(DataPermissions.VALIDATE)) {
            return;
        }
        ComboBox<SchemaVersion> schema = new ComboBox<>(SCHEMA_VERSION);
        schema.setItems(history);
        schema.setItemLabelGenerator(v -> "v" + v.version() + " · " + v.status().name().toLowerCase(Locale.ROOT));
        schema.setValue(preferred);
        ComboBox<String> environment = new ComboBox<>(ENVIRONMENT);
        environment.setItems(Feature.TRAINING, Feature.SERVING);
        environment.setValue(Feature.TRAINING);
        StatusLine status = new StatusLine();
        Button validate = new Button("Validate", click -> {
            if (schema.getValue() == null || environment.getValue() == null) {
                status.refused(schema.getValue() == null ? SCHEMA_VERSION + ": choose the schema version to validate against."
                        : ENVIRONMENT + ": choose the environment the data is for.");
                return;
            }
            StoredValidation[] run = new StoredValidation[1];
            if (status.attempt(() -> run[0] = validations.validate(project.id(), version.getId(), schema.getValue().version(),
                    environment.getValue()))) {
                show(version, run[0]);
            }
        });
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(schema, environment, validate);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.add(row, status);
    }

    private Div result(ProjectRef project, DatasetRecord dataset, DatasetVersionRecord version, StoredValidation run) {
        Div result = new Div();
        result.addClassName("validation-result");
        Span verdict = new Span(run.verdict().label);
        verdict.getElement().setAttribute("theme", theme(run.verdict()));
        verdict.addClassName("validation-verdict");
        result.add(new H4("Against schema v" + run.schemaVersion() + " (" + run.schemaStatus().name().toLowerCase(Locale.ROOT) + ") in "
                + run.environment()), verdict, new Paragraph(count(run.errors(), "error") + ", " + count(run.warnings(), "warning") + " in "
                + run.rows() + " rows · validated by " + run.validatedBy() + " on " + WHEN.format(run.validatedAt())));
        if (run.anomalies().isEmpty()) {
            result.add(note("No anomaly: the version matches the schema."));
            return result;
        }
        Grid<Anomaly> grid = new Grid<>();
        grid.addClassName("validation-anomalies");
        grid.addComponentColumn(a -> {
            Span badge = new Span(a.severity() == Severity.ERROR ? "Error" : "Warning");
            badge.getElement().setAttribute("theme", a.severity() == Severity.ERROR ? "badge error" : "badge");
            return badge;
        }).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Anomaly::subject).setHeader("Feature").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.type().title).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Anomaly::description).setHeader("Found, and what was expected").setFlexGrow(1);
        if (can(DataPermissions.EDIT_SCHEMA) && can(DataPermissions.VALIDATE)) {
            grid.addComponentColumn(a -> a.offeredFix().<com.vaadin.flow.component.Component>map(fix -> new Button(fix.description(), click ->
                    new FixDialog(run, fix, reason -> validations.fix(project.id(), run.id(), fix, reason), fixed -> {
                        Notices.success("Saved as schema version " + fixed.schemaVersion() + " and validated again: " + fixed.verdict().label);
                        show(version, fixed);
                    }).open())).orElseGet(Span::new)).setHeader("Fix").setAutoWidth(true).setFlexGrow(0);
        } else {
            grid.addColumn(a -> a.offeredFix().map(SchemaFix::description).orElse("")).setHeader("Fix").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(run.anomalies());
        grid.setAllRowsVisible(true);
        result.add(grid);
        return result;
    }

    private Grid<StoredValidation> pastRuns(DatasetVersionRecord version, List<StoredValidation> runs) {
        Grid<StoredValidation> grid = new Grid<>();
        grid.addClassName("validation-history");
        grid.addColumn(r -> WHEN.format(r.validatedAt()) + " by " + r.validatedBy()).setHeader("Validated").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> "v" + r.schemaVersion() + " · " + r.schemaStatus().name().toLowerCase(Locale.ROOT)).setHeader("Schema")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StoredValidation::environment).setHeader(ENVIRONMENT).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.verdict().label).setHeader("Verdict").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> count(r.errors(), "error") + ", " + count(r.warnings(), "warning")).setHeader("Found").setFlexGrow(1);
        grid.addComponentColumn(r -> new Button("Show", click -> show(version, r))).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(runs);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("validation-note");
        return note;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
