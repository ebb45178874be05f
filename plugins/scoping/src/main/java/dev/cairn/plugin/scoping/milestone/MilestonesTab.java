package dev.cairn.plugin.scoping.milestone;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.EditForm;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.people.TenantPeople.Person;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.scoping.db.tables.records.MilestoneRecord;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import dev.cairn.plugin.scoping.milestone.Milestone.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Milestones and resources: a table to plan them and a timeline to see them. */
public class MilestonesTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private static final Map<Status, String> COLOURS = Map.of(Status.PLANNED, "var(--lumo-contrast-50pct)",
            Status.IN_PROGRESS, "var(--lumo-primary-color)", Status.AT_RISK, "var(--lumo-error-color)",
            Status.DONE, "var(--lumo-success-color)");

    private final MilestoneService milestones;
    private final ProjectRef project;
    private final boolean canPlan;
    private final Grid<MilestoneRecord> grid = new Grid<>();
    private final Div timeline = new Div();
    private Map<String, String> names = Map.of();

    public MilestonesTab(MilestoneService milestones, ProjectRef project, boolean canPlan) {
        this.milestones = milestones;
        this.project = project;
        this.canPlan = canPlan;
        setPadding(false);
        grid.addColumn(MilestoneRecord::getTitle).setHeader("Milestone").setFlexGrow(2);
        grid.addColumn(m -> names.getOrDefault(m.getOwner(), m.getOwner())).setHeader("Owner");
        grid.addColumn(MilestoneRecord::getStartsOn).setHeader("Starts");
        grid.addColumn(MilestoneRecord::getDueOn).setHeader("Due");
        grid.addColumn(m -> m.getEffortDays() + " d").setHeader("Effort");
        grid.addColumn(m -> label(Status.valueOf(m.getStatus()))).setHeader("Status");
        if (canPlan) {
            grid.addComponentColumn(m -> {
                Button delete = new Button("Delete", click -> confirmDelete(m));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                return new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new Button("Edit", click -> openEditor(m)), delete);
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(canPlan ? "No milestones planned yet. Start with the first one: who delivers what, by when."
                : "No milestones planned yet.");
        timeline.setId("milestone-timeline");
        timeline.setWidthFull();
        if (canPlan) {
            Button add = new Button("Add milestone", click -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        add(status, grid, new H3("Timeline"), timeline);
        refresh();
    }

    private void refresh() {
        names = milestones.possibleOwners().stream().collect(Collectors.toMap(Person::username, Person::displayName, (a, b) -> a));
        List<MilestoneRecord> all = milestones.list(project.id());
        grid.setItems(all);
        drawTimeline(all);
    }

    /** One bar per milestone between the earliest start and the latest due date; today is a line. */
    private void drawTimeline(List<MilestoneRecord> all) {
        timeline.removeAll();
        if (all.isEmpty()) {
            return;
        }
        LocalDate first = all.stream().map(MilestoneRecord::getStartsOn).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = all.stream().map(MilestoneRecord::getDueOn).max(LocalDate::compareTo).orElseThrow();
        double days = Math.max(1, last.toEpochDay() - first.toEpochDay() + 1);
        Span range = new Span(first + " – " + last);
        range.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        timeline.add(range);
        for (MilestoneRecord m : all) {
            double left = (m.getStartsOn().toEpochDay() - first.toEpochDay()) / days * 100;
            double width = Math.max(1.5, (m.getDueOn().toEpochDay() - m.getStartsOn().toEpochDay() + 1) / days * 100);
            Div bar = new Div();
            bar.getStyle().set("position", "absolute").set("left", left + "%").set("width", width + "%").set("top", "4px")
                    .set("height", "18px").set("border-radius", "4px").set("background", COLOURS.get(Status.valueOf(m.getStatus())));
            Div track = new Div(bar);
            track.getStyle().set("position", "relative").set("height", "26px").set("background", "var(--lumo-contrast-5pct)");
            Span title = new Span(m.getTitle() + " · " + names.getOrDefault(m.getOwner(), m.getOwner()) + " · "
                    + label(Status.valueOf(m.getStatus())) + " · due " + m.getDueOn());
            title.getStyle().set("font-size", "var(--lumo-font-size-s)");
            Div row = new Div(title, track);
            row.getStyle().set("margin-top", "6px");
            timeline.add(row);
        }
    }

    private void openEditor(MilestoneRecord existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New milestone" : "Milestone");
        TextField title = new TextField("Title");
        title.setMaxLength(200);
        ComboBox<Person> owner = new ComboBox<>("Owner");
        List<Person> owners = milestones.possibleOwners();
        owner.setItems(owners);
        owner.setItemLabelGenerator(Person::displayName);
        DatePicker starts = new DatePicker("Starts");
        DatePicker due = new DatePicker("Due");
        DecimalField effort = new DecimalField("Effort (person-days)").range(0, 100_000);
        Select<Status> state = new Select<>();
        state.setLabel("Status");
        state.setItems(Status.values());
        state.setItemLabelGenerator(MilestonesTab::label);
        state.setValue(Status.PLANNED);
        TextArea notes = new TextArea("Resources and notes");
        if (existing != null) {
            title.setValue(existing.getTitle());
            owners.stream().filter(p -> p.username().equals(existing.getOwner())).findFirst().ifPresent(owner::setValue);
            starts.setValue(existing.getStartsOn());
            due.setValue(existing.getDueOn());
            effort.setNumber(existing.getEffortDays());
            state.setValue(Status.valueOf(existing.getStatus()));
            notes.setValue(existing.getNotes() == null ? "" : existing.getNotes());
        }
        FormLayout layout = new FormLayout(title, owner, starts, due, effort, state, notes);
        layout.setColspan(notes, 2);
        EditForm form = new EditForm(dialog).required(title, "Title").required(owner, "Owner").required(starts, "Starts")
                .required(due, "Due").decimal(effort.required(), "Effort").field(state, "Status").field(notes, "Notes");
        dialog.add(layout, form.status());
        Button save = new Button("Save milestone", click -> {
            Function<Person, String> username = p -> p == null ? null : p.username();
            if (form.submit(() -> milestones.save(project.id(), existing == null ? null : existing.getId(),
                    new Milestone(title.getValue(), username.apply(owner.getValue()), starts.getValue(), due.getValue(), effort.getNumber(),
                            state.getValue(), notes.getValue()), existing == null ? null : existing.getVersion()))) {
                dialog.close();
                Notices.success("Milestone saved");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(MilestoneRecord milestone) {
        ConfirmDelete.ask("milestone " + milestone.getTitle(), "It leaves the plan and the timeline; the document's activity notes the removal.",
                () -> milestones.delete(project.id(), milestone.getId(), milestone.getVersion()), this::refresh, status);
    }

    static String label(Status status) {
        return switch (status) {
            case PLANNED -> "Planned";
            case IN_PROGRESS -> "In progress";
            case AT_RISK -> "At risk";
            case DONE -> "Done";
        };
    }
}
