package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.EditForm;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Edits the schema's least row count (TFDV's min_examples_count: a version with fewer rows is an
 * anomaly); saving makes the next version with the reason given, the features unchanged.
 */
final class LeastRowsDialog extends Dialog {

    static final String LEAST_ROWS = "Least rows";

    private final TextField rows = new TextField(LEAST_ROWS);
    private final TextField reason = new TextField(FeatureDialog.REASON);
    private final EditForm form = new EditForm(this);

    LeastRowsDialog(SchemaVersion current, BiFunction<Long, String, SchemaVersion> save, Consumer<SchemaVersion> saved) {
        setHeaderTitle("Least rows (schema version " + current.version() + ")");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        rows.setValue(String.valueOf(current.schema().minRows()));
        rows.setHelperText("A version with fewer rows is an anomaly; 0 for no bound");
        rows.setAllowedCharPattern("[0-9]");
        reason.setMaxLength(DatasetSchemas.MAX_REASON);
        reason.setWidthFull();
        form.checked(rows, LEAST_ROWS, LeastRowsDialog::parse).required(reason, FeatureDialog.REASON);
        add(new Paragraph("Saving makes version " + (current.version() + 1) + ", a draft, with the same features."),
                new FormLayout(rows, reason, form.status()));
        Button saveButton = new Button("Save as version " + (current.version() + 1), click -> {
            SchemaVersion[] made = new SchemaVersion[1];
            if (form.submit(() -> made[0] = save.apply(parse(rows.getValue()), reason.getValue()))) {
                close();
                saved.accept(made[0]);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> {
            if (!form.hasUnsavedEdits()) {
                close();
                return;
            }
            new Confirmation("Drop your changes?", "The least row count is not saved. Drop the change, or keep editing.", "Drop changes", () -> {
                form.markSaved();
                close();
            }).destructive().cancelText("Keep editing").open();
        }), saveButton);
    }

    /** A whole number of rows, 0 or more. */
    static long parse(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(LEAST_ROWS + " is required (0 for no bound).");
        }
        try {
            long value = Long.parseLong(clean);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(LEAST_ROWS + ": '" + clean + "' is not a whole number of rows.");
        }
    }

    static List<FeatureDraft> unchanged(SchemaVersion current) {
        return current.schema().features().stream().map(FeatureDraft::of).toList();
    }
}
