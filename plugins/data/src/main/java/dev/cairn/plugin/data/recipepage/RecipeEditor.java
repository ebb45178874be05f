package dev.cairn.plugin.data.recipepage;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.WaitingPoll;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step editor: a new recipe (name, training version, steps, optional reason) or the next version of one (steps
 * edited, reason required). Every field's problem shows on its field, all at once; saving queues the fit as a job and
 * the editor follows it with a progress bar (the UI polls, so it stays responsive); a step the fit cannot fit is
 * named on its row. Closing with unsaved edits asks first.
 */
final class RecipeEditor extends Dialog {

    static final String NAME = "Name";
    static final String TRAINING = "Training version";
    static final String REASON = "Reason";
    /** The attribute EditForm's beforeunload guard looks for on its owner (this dialog). */
    private static final String UNSAVED = "data-unsaved";
    private static final Pattern STEP = Pattern.compile("^Step (\\d+) \\(");

    /** Starts the fit; throws a refusal naming the field for bad input. */
    @FunctionalInterface
    interface Start {
        RunState start(String name, UUID trainingVersionId, List<StepPlan> plan, String reason);
    }

    final TextField name = new TextField(NAME);
    final ComboBox<DatasetVersionRecord> training = new ComboBox<>(TRAINING);
    final TextField reason = new TextField(REASON);
    final VerticalLayout steps = new VerticalLayout();
    final Button addStep = new Button("Add step");
    final Button save;
    final ProgressBar bar = new ProgressBar(0, 1);
    final Span progress = new Span();
    private final List<StepRow> rows = new ArrayList<>();
    private final EditForm form = new EditForm(this);
    private final Function<UUID, List<String>> columnsOf;
    private final Function<UUID, RunState> follow;
    private final Consumer<RunState> fitted;
    private final Start start;
    private boolean stepsChanged;
    private Registration polling;
    private UUID following;

    /**
     * @param recipeName the recipe's name when editing one (no name field then), null for a new recipe
     * @param plan       the steps to start from (empty for a new recipe)
     */
    RecipeEditor(String title, String recipeName, List<DatasetVersionRecord> live, DatasetVersionRecord chosen, List<StepPlan> plan,
                 Function<UUID, List<String>> columnsOf, Start start, Function<UUID, RunState> follow, Consumer<RunState> fitted) {
        this.columnsOf = columnsOf;
        this.start = start;
        this.follow = follow;
        this.fitted = fitted;
        setHeaderTitle(title);
        addClassName("recipe-editor");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("min(72em, 95vw)");
        name.setMaxLength(120);
        name.setVisible(recipeName == null);
        training.setItems(live);
        training.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName() + " · " + v.getRowCount() + " rows");
        training.setValue(chosen);
        training.setHelperText("The steps learn their parameters (means, categories, bounds) from this version.");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        reason.setPlaceholder(recipeName == null ? "optional for a first version" : "why the recipe changes (kept with the version)");
        steps.setPadding(false);
        steps.addClassName("recipe-steps");
        for (StepPlan step : plan) {
            append(StepRow.of(step, columns(), this::touched));
        }
        renumber();
        if (recipeName == null) {
            form.required(name, NAME);
        }
        form.required(training, TRAINING);
        if (recipeName == null) {
            form.field(reason, REASON);
        } else {
            form.required(reason, REASON);
        }
        training.addValueChangeListener(change -> rows.forEach(r -> r.offer(columns())));
        addStep.addClickListener(click -> {
            append(new StepRow(columns(), this::touched));
            renumber();
            touched();
        });
        bar.setVisible(false);
        bar.getElement().setAttribute("aria-label", "Fitting progress");
        progress.addClassName("recipe-fit-progress");
        add(new Paragraph(recipeName == null ? "Steps run in order, each on the data as the steps before it left it."
                : "Saving makes the next version of " + recipeName + "; the versions before stay as they are."),
                name, training, steps, addStep, reason, bar, progress, form.status());
        save = new Button(recipeName == null ? "Create and fit" : "Save and fit", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> cancel()), save);
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                stopFollowing();
            }
        });
    }

    private List<String> columns() {
        return training.getValue() == null ? List.of() : columnsOf.apply(training.getValue().getId());
    }

    /**
     * A step changed: the form's own guards (leaving through the menu, closing the tab) know only its registered
     * fields, so the editor marks itself as the form does for those and asks before a navigation drops the steps.
     */
    private void touched() {
        stepsChanged = true;
        getElement().setAttribute(UNSAVED, true);
    }

    private void untouched() {
        stepsChanged = false;
        getElement().removeAttribute(UNSAVED);
    }

    /**
     * Whether leaving the page would drop edited steps the form's own guard does not know of (it asks for its fields
     * itself): the page asks first then.
     */
    boolean stepsWouldBeLost() {
        return stepsChanged && !form.hasUnsavedEdits() && isOpened();
    }

    /** The user chose to leave: the steps are dropped. */
    void dropSteps() {
        untouched();
    }

    private void append(StepRow row) {
        rows.add(row);
        row.up.addClickListener(click -> move(row, -1));
        row.down.addClickListener(click -> move(row, 1));
        row.remove.addClickListener(click -> {
            rows.remove(row);
            steps.remove(row);
            renumber();
            touched();
        });
        steps.add(row);
    }

    private void move(StepRow row, int by) {
        int at = rows.indexOf(row);
        int to = at + by;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(at);
        rows.add(to, row);
        steps.removeAll();
        rows.forEach(steps::add);
        renumber();
        touched();
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).position(i + 1, rows.size());
        }
    }

    List<StepRow> rows() {
        return List.copyOf(rows);
    }

    boolean hasUnsavedEdits() {
        return stepsChanged || form.hasUnsavedEdits();
    }

    /** Checks every field (all problems at once), then queues the fit and follows it. */
    void save() {
        boolean stepsOk = true;
        for (StepRow row : rows) {
            stepsOk &= row.validate();
        }
        boolean valid = stepsOk;
        RunState[] queued = new RunState[1];
        boolean sent = form.submit(() -> {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("Steps: add at least one step.");
            }
            if (!valid) {
                throw new IllegalArgumentException("Steps: check the marked steps.");
            }
            queued[0] = start.start(name.getValue(), training.getValue().getId(), rows.stream().map(StepRow::plan).toList(), reason.getValue());
        });
        if (sent) {
            untouched();
            follow(queued[0]);
        }
    }

    private void follow(RunState run) {
        following = run.id();
        save.setEnabled(false);
        bar.setVisible(true);
        shown(run);
        UI ui = UI.getCurrent();
        if (ui != null && polling == null) {
            polling = WaitingPoll.start(ui, this::tick);
        }
    }

    /** One poll: the run's progress, or its end. */
    void tick() {
        if (following == null) {
            return;
        }
        RunState run = follow.apply(following);
        shown(run);
        if (run.status().pending()) {
            return;
        }
        stopFollowing();
        following = null;
        bar.setVisible(false);
        save.setEnabled(true);
        if (run.status() == RunState.Status.DONE) {
            form.markSaved();
            close();
            fitted.accept(run);
            return;
        }
        // Failed or cancelled: the edits are still the user's, and a step the fit refused says so on its row.
        touched();
        String message = run.message() == null ? "The fit ended without a result." : run.message();
        Matcher step = STEP.matcher(message);
        if (step.find()) {
            int number = Integer.parseInt(step.group(1));
            if (number >= 1 && number <= rows.size()) {
                rows.get(number - 1).fitProblem(message);
            }
        }
        form.refuse(message);
    }

    private void shown(RunState run) {
        bar.setIndeterminate(run.status() == RunState.Status.QUEUED);
        bar.setValue(Math.max(0, Math.min(1, run.progress())));
        progress.setText(run.status() == RunState.Status.QUEUED ? "Fitting is queued." : run.status() == RunState.Status.RUNNING
                ? "Fitting: " + run.message() : "");
    }

    private void stopFollowing() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Cancel asks before it drops unsaved edits; a fit already queued goes on, and the page shows it. */
    void cancel() {
        if (following != null || !hasUnsavedEdits()) {
            close();
            return;
        }
        new Confirmation("Drop your changes?", "Your recipe is not saved. Drop it, or keep editing.", "Drop changes", () -> {
            form.markSaved();
            untouched();
            close();
        }).destructive().cancelText("Keep editing").open();
    }
}
