package dev.cairn.plugin.data.recipepage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.data.TransformStep;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRecord;
import dev.cairn.plugin.data.recipe.StepPlan;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.ui.WaitingPoll;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A dataset's transform recipes: each with its versions (who, when, why, fitted on which version, and what each step
 * learnt in plain words), the work in progress (fits and applications run as jobs, with their progress), a preview of
 * any version before and after, and for members the editor (new recipe, edit steps, refit on a newer version), writing
 * a transformed version, and deletion. URL {@code data/recipes/<project id>?dataset=<dataset id>}; another project's
 * or tenant's dataset is "not found".
 */
@Route("data/recipes")
@PageTitle("Recipes · Cairn")
@PermitAll
public class RecipesView extends ProjectPage implements BeforeEnterObserver, BeforeLeaveObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetRecipes recipes;
    private final RecipeRuns runs;
    private final Div content = new Div();
    private final Div work = new Div();
    private Registration polling;
    private java.util.Set<UUID> pendingIds = java.util.Set.of();
    private DatasetRecord dataset;
    private RecipeEditor editing;

    public RecipesView(DatasetService datasets, DatasetVersions versions, DatasetRecipes recipes, RecipeRuns runs, ProjectDirectory projects,
                       PermissionCheck permissions) {
        super(projects, permissions, Stage.DATA, "Recipes", DataPermissions.READ);
        this.datasets = datasets;
        this.versions = versions;
        this.recipes = recipes;
        this.runs = runs;
        work.addClassName("recipe-runs");
    }

    /** The page of the dataset's recipes, for links from other pages. */
    public static String url(UUID projectId, UUID datasetId) {
        return "data/recipes/" + projectId + "?" + PageChoice.DATASET + "=" + datasetId;
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

    void show(DatasetRecord shown) {
        this.dataset = shown;
        ProjectRef project = project();
        content.removeAll();
        content.add(new Anchor("data/dataset/" + project.id() + "?dataset=" + shown.getId(), "← " + shown.getName()),
                new H3("Recipes of " + shown.getName()));
        List<DatasetVersionRecord> live = live();
        List<RecipeRecord> list = recipes.recipes(project.id(), shown.getId());
        if (list.isEmpty()) {
            content.add(empty(live));
        }
        if (can(DataPermissions.EDIT_RECIPE) && !live.isEmpty()) {
            Button create = new Button("New recipe", click -> openCreate(live));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(create);
        }
        content.add(work);
        refreshRuns();
        List<DatasetRecipes.Version> allVersions = new ArrayList<>();
        for (RecipeRecord recipe : list) {
            List<DatasetRecipes.Version> history = recipes.versions(project.id(), recipe.getId());
            content.add(recipe(recipe, history, live));
            if (!history.isEmpty()) {
                allVersions.addAll(history);
            }
        }
        if (!allVersions.isEmpty() && !live.isEmpty()) {
            content.add(new PreviewPanel(allVersions, live, (recipeVersion, dataVersion, count) -> recipes.preview(project.id(), recipeVersion,
                    dataVersion, count)));
        }
    }

    private List<DatasetVersionRecord> live() {
        return versions.history(project().id(), dataset.getId()).stream().filter(v -> v.getDeletedAt() == null).toList();
    }

    /** No recipe yet: what one is, and how to make the first. */
    private Paragraph empty(List<DatasetVersionRecord> live) {
        String what = "A recipe is an ordered list of cleaning and transformation steps (impute missing values, standardise, one-hot"
                + " encode, bucketize, ...) fitted on one version of the dataset: each step learns its parameters there (a mean, the"
                + " categories, the bounds), and the fitted recipe is stored as a version, so that training and serving apply exactly"
                + " the same transform. ";
        String next = live.isEmpty() ? "Upload a version of the dataset first; then a member builds a recipe on it."
                : can(DataPermissions.EDIT_RECIPE) ? "Make the first with New recipe: name it, choose the version to fit it on, and add its steps."
                : "A member or manager of the project builds one.";
        Paragraph empty = new Paragraph(what + next);
        empty.addClassName("recipes-empty");
        return empty;
    }

    private Div recipe(RecipeRecord recipe, List<DatasetRecipes.Version> history, List<DatasetVersionRecord> live) {
        Div box = new Div();
        box.addClassName("recipe");
        box.add(new H4(recipe.getName()));
        if (can(DataPermissions.EDIT_RECIPE) && !history.isEmpty()) {
            DatasetRecipes.Version newest = history.getFirst();
            HorizontalLayout actions = new HorizontalLayout();
            DatasetVersionRecord fittedOn = live.stream().filter(v -> v.getId().equals(newest.row().getFittedOn())).findFirst()
                    .orElse(live.isEmpty() ? null : live.getFirst());
            actions.add(new Button("Edit steps", click -> openEdit(recipe, newest, live, fittedOn)));
            if (!live.isEmpty() && !live.getFirst().getId().equals(newest.row().getFittedOn())) {
                actions.add(new Button("Refit on v" + live.getFirst().getVersion(), click -> openRefit(recipe, newest, live)));
            }
            if (!live.isEmpty()) {
                actions.add(new Button("Write transformed version", click -> openApply(newest, live)));
            }
            StatusLine status = new StatusLine();
            Button delete = new Button("Delete", click -> ConfirmDelete.ask("recipe " + recipe.getName(), "Its " + history.size()
                    + (history.size() == 1 ? " version goes" : " versions go") + "; lineage keeps what they were, and a model that recorded"
                    + " a version can no longer read it.", () -> recipes.delete(project().id(), recipe.getId()), () -> show(dataset), status));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
            box.add(actions, status);
        }
        for (DatasetRecipes.Version version : history) {
            box.add(version(version));
        }
        return box;
    }

    /** One version: who, when, why, fitted on which version, and each step's fitted parameters in plain words. */
    private Div version(DatasetRecipes.Version version) {
        Div box = new Div();
        box.addClassName("recipe-version");
        var row = version.row();
        String fittedOn = fittedOn(row.getFittedOn());
        box.add(new Paragraph("v" + row.getVersion() + " · fitted on " + fittedOn + " · by " + row.getCreatedBy() + " on "
                + WHEN.format(row.getCreatedAt()) + " · " + row.getReason()));
        UnorderedList steps = new UnorderedList();
        steps.addClassName("recipe-version-steps");
        for (TransformStep step : version.recipe().steps()) {
            steps.add(new ListItem(StepWords.describe(step)));
        }
        box.add(steps);
        for (String note : version.notes()) {
            box.add(new Paragraph("Note: " + note));
        }
        box.add(new Paragraph("Takes " + String.join(", ", version.inputColumns()) + "; gives " + String.join(", ", version.outputColumns()) + "."));
        return box;
    }

    private String fittedOn(UUID versionId) {
        try {
            DatasetVersionRecord v = versions.version(project().id(), versionId);
            return "v" + v.getVersion() + " (" + v.getFileName() + ")";
        } catch (RuntimeException gone) {
            return "a version no longer there";
        }
    }

    private RecipeEditor editor(String title, String recipeName, List<DatasetVersionRecord> live, DatasetVersionRecord chosen,
                                List<StepPlan> plan, RecipeEditor.Start start) {
        UUID projectId = project().id();
        editing = new RecipeEditor(title, recipeName, live, chosen, plan, versionId -> versions.columns(projectId, versionId), start,
                runId -> runs.run(projectId, runId), run -> {
                    Notices.success(run.message());
                    show(dataset);
                });
        return editing;
    }

    void openCreate(List<DatasetVersionRecord> live) {
        UUID projectId = project().id();
        RecipeEditor editor = editor("New recipe for " + dataset.getName(), null, live, live.getFirst(), List.of(),
                (name, trainingVersion, plan, reason) -> runs.startCreate(projectId, dataset.getId(), name, trainingVersion, plan, reason));
        editor.addOpenedChangeListener(change -> refreshRuns());
        editor.open();
    }

    private void openEdit(RecipeRecord recipe, DatasetRecipes.Version newest, List<DatasetVersionRecord> live, DatasetVersionRecord fittedOn) {
        UUID projectId = project().id();
        editor("Edit " + recipe.getName() + " (next: v" + (newest.row().getVersion() + 1) + ")", recipe.getName(), live, fittedOn,
                plans(newest.plan()), (name, trainingVersion, plan, reason) -> runs.startRefit(projectId, recipe.getId(), trainingVersion, plan,
                        reason)).open();
    }

    private void openRefit(RecipeRecord recipe, DatasetRecipes.Version newest, List<DatasetVersionRecord> live) {
        UUID projectId = project().id();
        editor("Refit " + recipe.getName() + " on v" + live.getFirst().getVersion(), recipe.getName(), live, live.getFirst(),
                plans(newest.plan()), (name, trainingVersion, plan, reason) -> runs.startRefit(projectId, recipe.getId(), trainingVersion, plan,
                        reason)).open();
    }

    private static List<StepPlan> plans(List<TransformStep> plan) {
        return plan.stream().map(s -> new StepPlan(Operation.of(s.operation()).orElseThrow(), s.inputs(), s.parameters())).toList();
    }

    /** Asks which version to transform, then queues the job; the runs list shows its progress. */
    private void openApply(DatasetRecipes.Version recipeVersion, List<DatasetVersionRecord> live) {
        Dialog dialog = new Dialog();
        dialog.addClassName("recipe-apply");
        dialog.setHeaderTitle("Write " + recipeVersion.recipe().name() + " v" + recipeVersion.row().getVersion() + "'s output");
        ComboBox<DatasetVersionRecord> input = new ComboBox<>("Dataset version");
        input.setItems(live);
        input.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName());
        input.setValue(live.getFirst());
        StatusLine status = new StatusLine();
        dialog.add(new Paragraph("The rows of the version go through the recipe and are stored as a new version of the dataset "
                + DerivedVersions.derivedName(dataset.getName(), recipeVersion.recipe().name()) + " (created if missing)."), input, status);
        Button write = new Button("Write", click -> {
            if (input.getValue() == null) {
                status.refused("Dataset version: choose the version to transform.");
            } else if (status.attempt(() -> runs.startApply(project().id(), recipeVersion.row().getId(), input.getValue().getId()))) {
                dialog.close();
                Notices.success("Queued: the transformed version is written in the background");
                refreshRuns();
            }
        });
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), write);
        dialog.open();
    }

    /** The newest runs, with a progress bar while one is pending; the page polls until none is. */
    void refreshRuns() {
        if (dataset == null) {
            return;
        }
        List<RunState> recent = runs.runs(project().id(), dataset.getId()).stream().limit(5).toList();
        work.removeAll();
        boolean pending = false;
        if (!recent.isEmpty()) {
            work.add(new H4("Recent work"));
        }
        for (RunState run : recent) {
            work.add(runLine(run));
            pending |= run.status().pending();
        }
        pendingIds = recent.stream().filter(r -> r.status().pending()).map(RunState::id).collect(java.util.stream.Collectors.toSet());
        UI ui = UI.getCurrent();
        if (pending && polling == null && ui != null) {
            polling = WaitingPoll.start(ui, this::tick);
        } else if (!pending) {
            stopPolling();
        }
    }

    /** One poll: when a run that was pending ended, the recipes may have changed with it, so the whole page is read again. */
    private void tick() {
        List<RunState> now = runs.runs(project().id(), dataset.getId());
        boolean ended = pendingIds.stream().anyMatch(id -> now.stream().noneMatch(r -> r.id().equals(id) && r.status().pending()));
        if (ended) {
            show(dataset);
        } else {
            refreshRuns();
        }
    }

    private Component runLine(RunState run) {
        Div line = new Div();
        line.addClassName("recipe-run");
        line.add(new Span(run.title() + " · " + run.requestedBy() + ", " + WHEN.format(run.requestedAt()) + " · " + status(run.status()) + ": "));
        if (run.status().pending()) {
            ProgressBar bar = new ProgressBar(0, 1, Math.max(0, Math.min(1, run.progress())));
            bar.setIndeterminate(run.status() == RunState.Status.QUEUED);
            bar.setWidth("12em");
            bar.getElement().setAttribute("aria-label", run.title());
            line.add(bar);
        }
        line.add(new Span(run.message() == null ? "" : run.message()));
        if (run.status() == RunState.Status.DONE && run.kind() == RunState.Kind.APPLY && run.resultId() != null) {
            try {
                DatasetVersionRecord written = versions.version(project().id(), run.resultId());
                line.add(new Span(" "), new Anchor("data/dataset/" + project().id() + "?dataset=" + written.getDatasetId(), "Open the derived dataset"));
            } catch (RuntimeException gone) {
                // deleted since: the line says what happened, without a link
            }
        }
        return line;
    }

    private static String status(RunState.Status status) {
        return switch (status) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case DONE -> "done";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Leaving with edited steps in the open editor asks first (the editor's form asks for its own fields). */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (editing == null || !editing.stepsWouldBeLost()) {
            return;
        }
        RecipeEditor open = editing;
        BeforeLeaveEvent.ContinueNavigationAction proceed = event.postpone();
        new Confirmation("Leave without saving?", "Your recipe is not saved. Leave and drop it, or stay to save it.", "Leave", () -> {
            open.dropSteps();
            proceed.proceed();
        }).destructive().cancelText("Stay").open();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }
}
