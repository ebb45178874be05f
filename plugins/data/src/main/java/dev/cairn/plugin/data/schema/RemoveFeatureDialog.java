package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.data.Feature;
import dev.cairn.api.ui.EditForm;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Asks before a feature leaves the schema, and for the reason: removing it makes the next version, a
 * draft, without it (the version before keeps it; the diff shows it removed). The reason is required
 * on its field, as every schema change's is.
 */
final class RemoveFeatureDialog extends Dialog {

    private final TextField reason = new TextField(FeatureDialog.REASON);
    private final EditForm form = new EditForm(this);

    RemoveFeatureDialog(SchemaVersion current, Feature feature, BiFunction<List<FeatureDraft>, String, SchemaVersion> save,
                        Consumer<SchemaVersion> saved) {
        setHeaderTitle("Remove " + feature.name() + "?");
        addClassName("schema-remove-dialog");
        reason.setMaxLength(DatasetSchemas.MAX_REASON);
        reason.setPlaceholder("why the feature goes, for whoever approves it");
        reason.setWidthFull();
        form.required(reason, FeatureDialog.REASON);
        add(new Paragraph("Version " + (current.version() + 1) + ", a draft, will not have " + feature.name() + (feature.label()
                ? " (the label: the schema will have none until you tick another feature's Label)" : "") + "; version "
                + current.version() + " keeps it. Validation then reports the column as new in versions that still have it."),
                new FormLayout(reason, form.status()));
        Button remove = new Button("Remove and save as version " + (current.version() + 1), click -> {
            SchemaVersion[] made = new SchemaVersion[1];
            if (form.submit(() -> made[0] = save.apply(without(current, feature), reason.getValue()))) {
                close();
                saved.accept(made[0]);
            }
        });
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", click -> close()), remove);
    }

    static List<FeatureDraft> without(SchemaVersion current, Feature feature) {
        return current.schema().features().stream().filter(f -> !f.name().equals(feature.name())).map(FeatureDraft::of).toList();
    }
}
