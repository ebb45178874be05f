package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.EditForm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Edits one feature of the newest schema version; saving makes the next version, with the reason
 * the user gives. Every field's problem shows on the field, all at once (the same checks as the
 * service's, {@link FeatureDraft#problems()}); numbers are read in the user's locale; closing with
 * unsaved changes asks first.
 */
final class FeatureDialog extends Dialog {

    static final String REASON = "Reason";
    static final String LABEL = "Label";

    private final SchemaVersion current;
    private final Feature feature;
    private final ComboBox<FeatureType> type = new ComboBox<>(FeatureDraft.TYPE);
    private final Checkbox required = new Checkbox("Required (every row has a value)");
    private final DecimalField share = new DecimalField(FeatureDraft.SHARE);
    private final ComboBox<DomainKind> domain = new ComboBox<>("Domain");
    private final DecimalField min = new DecimalField(FeatureDraft.MIN);
    private final DecimalField max = new DecimalField(FeatureDraft.MAX);
    private final CategoryListField categories = new CategoryListField();
    private final DecimalField minDistinct = new DecimalField(FeatureDraft.MIN_DISTINCT).range(0, Integer.MAX_VALUE);
    private final DecimalField maxDistinct = new DecimalField(FeatureDraft.MAX_DISTINCT).range(0, Integer.MAX_VALUE);
    private final Checkbox label = new Checkbox(LABEL + " (what the model predicts)");
    private final ComboBox<Presence> presence = new ComboBox<>("Environments");
    private final TextField reason = new TextField(REASON);
    private final EditForm form = new EditForm(this);

    FeatureDialog(SchemaVersion current, Feature feature, BiFunction<List<FeatureDraft>, String, SchemaVersion> save,
                  Consumer<SchemaVersion> saved) {
        this.current = current;
        this.feature = feature;
        setHeaderTitle("Edit " + feature.name() + " (schema version " + current.version() + ")");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        addClassName("schema-feature-dialog");
        type.setItems(FeatureType.values());
        domain.setItems(DomainKind.values());
        domain.setItemLabelGenerator(DomainKind::label);
        presence.setItems(Presence.values());
        presence.setItemLabelGenerator(Presence::label);
        share.rate();
        share.setHelperText("0 to 1: 0.95 means at least 95% of rows have a value");
        minDistinct.setHelperText("empty for no bound; fewer distinct values in a version is an anomaly");
        maxDistinct.setHelperText("empty for no bound; more distinct values in a version is an anomaly");
        reason.setMaxLength(DatasetSchemas.MAX_REASON);
        reason.setPlaceholder("why the schema changes, for whoever approves it");
        reason.setWidthFull();
        fill(FeatureDraft.of(feature));
        // Registered after filling: only the user's own changes count as unsaved edits.
        form.checked(type, FeatureDraft.TYPE, v -> problem(FeatureDraft.TYPE))
                .checked(share, FeatureDraft.SHARE, v -> problem(share, FeatureDraft.SHARE))
                .checked(min, FeatureDraft.MIN, v -> problem(min, FeatureDraft.MIN))
                .checked(max, FeatureDraft.MAX, v -> problem(max, FeatureDraft.MAX))
                .checked(categories, FeatureDraft.CATEGORIES, v -> problem(FeatureDraft.CATEGORIES))
                .checked(minDistinct, FeatureDraft.MIN_DISTINCT, v -> wholeProblem(minDistinct, FeatureDraft.MIN_DISTINCT))
                .checked(maxDistinct, FeatureDraft.MAX_DISTINCT, v -> wholeProblem(maxDistinct, FeatureDraft.MAX_DISTINCT))
                .field(required, "Required").field(domain, "Domain").field(label, LABEL).field(presence, "Environments")
                .required(reason, REASON);
        required.addValueChangeListener(change -> shown());
        domain.addValueChangeListener(change -> shown());
        shown();
        FormLayout layout = new FormLayout(type, presence, required, share, domain, min, max, categories, minDistinct, maxDistinct, label,
                reason, form.status());
        layout.setColspan(categories, 2);
        layout.setColspan(reason, 2);
        layout.setColspan(form.status(), 2);
        add(new Paragraph("Saving makes version " + (current.version() + 1) + ", a draft: version " + current.version()
                + " stays as it is, and a manager approves the new one."), layout);
        Button saveButton = new Button("Save as version " + (current.version() + 1), click -> {
            SchemaVersion[] made = new SchemaVersion[1];
            if (form.submit(() -> made[0] = save.apply(drafts(), reason.getValue()))) {
                close();
                saved.accept(made[0]);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> cancel()), saveButton);
    }

    private void fill(FeatureDraft draft) {
        type.setValue(draft.type());
        required.setValue(draft.required());
        share.setNumber(draft.required() ? null : draft.minFractionPresent());
        domain.setValue(draft.domainKind());
        min.setNumber(draft.rangeMin());
        max.setNumber(draft.rangeMax());
        categories.setValue(draft.categories());
        minDistinct.setNumber(draft.minDistinct() == null ? null : draft.minDistinct().doubleValue());
        maxDistinct.setNumber(draft.maxDistinct() == null ? null : draft.maxDistinct().doubleValue());
        label.setValue(draft.label());
        presence.setValue(Presence.of(draft.environments()));
    }

    /** Only the fields that matter for the choices made are shown. */
    private void shown() {
        share.setVisible(!required.getValue());
        boolean range = domain.getValue() == DomainKind.RANGE;
        min.setVisible(range);
        max.setVisible(range);
        categories.setVisible(domain.getValue() == DomainKind.CATEGORIES);
    }

    /** Cancel asks before it drops the user's changes. */
    private void cancel() {
        if (!form.hasUnsavedEdits()) {
            close();
            return;
        }
        new Confirmation("Drop your changes?", "Your changes to " + feature.name() + " are not saved. Drop them, or keep editing.",
                "Drop changes", () -> {
                    form.markSaved();
                    close();
                }).destructive().cancelText("Keep editing").open();
    }

    FeatureDraft draft() {
        List<String> listed = categories.getValue();
        Presence where = presence.getValue() == null ? Presence.EVERYWHERE : presence.getValue();
        return new FeatureDraft(feature.name(), type.getValue(), required.getValue(), number(share), domain.getValue(), number(min), number(max),
                listed, label.getValue(), where.environments(), whole(minDistinct), whole(maxDistinct));
    }

    /** The version's features with this one edited; ticking Label here moves the label from any other feature. */
    List<FeatureDraft> drafts() {
        FeatureDraft edited = draft();
        List<FeatureDraft> drafts = new ArrayList<>();
        for (Feature f : current.schema().features()) {
            FeatureDraft d = f.name().equals(feature.name()) ? edited : FeatureDraft.of(f);
            drafts.add(edited.label() && d != edited ? d.withLabel(false) : d);
        }
        return drafts;
    }

    private static Double number(DecimalField field) {
        return field.problem() == null ? field.getNumber() : null;
    }

    /** The field's whole number, or null when it is empty or not one (its check says why). */
    private static Integer whole(DecimalField field) {
        Double value = number(field);
        return value == null || value != Math.rint(value) ? null : (int) Math.round(value);
    }

    /** A count of distinct values: a whole number in range, then the draft's own checks (the least not above the most). */
    private void wholeProblem(DecimalField field, String name) {
        Double value = number(field);
        if (value != null && value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + field.getValue().strip() + ".");
        }
        problem(field, name);
    }

    private void problem(DecimalField field, String name) {
        if (field.isVisible() && field.problem() != null) {
            throw new IllegalArgumentException(field.problem());
        }
        problem(name);
    }

    /** The draft's first problem that belongs to this field, as the service would refuse it. */
    private void problem(String name) {
        draft().problems().stream().filter(p -> p.startsWith(name + " of ")).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}
