package dev.cairn.plugin.data.validation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.ui.EditForm;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Confirms one anomaly's fix: it names the change and the schema version it makes, asks for the
 * reason (prefilled from the fix, required: the history shows it to whoever approves), and saves.
 * A refusal (someone saved a newer schema version meanwhile) is said on the dialog, which stays open.
 */
final class FixDialog extends Dialog {

    static final String REASON = "Reason";

    private final TextArea reason = new TextArea(REASON);
    private final EditForm form = new EditForm(this);

    FixDialog(StoredValidation run, SchemaFix fix, Function<String, StoredValidation> apply, Consumer<StoredValidation> applied) {
        setHeaderTitle(fix.description());
        reason.setValue(fix.description() + " (validation of version " + run.versionNumber() + " found it).");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        form.required(reason, REASON);
        add(new Paragraph("Saves schema version " + (run.schemaVersion() + 1) + " (a draft until a manager approves it) with this change to"
                + " version " + run.schemaVersion() + ", then validates version " + run.versionNumber() + " against it in "
                + run.environment() + "."), new FormLayout(reason, form.status()));
        Button save = new Button("Save and validate again", click -> {
            StoredValidation[] made = new StoredValidation[1];
            if (form.submit(() -> made[0] = apply.apply(reason.getValue()))) {
                close();
                applied.accept(made[0]);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
