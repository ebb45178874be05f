package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.ui.EditForm;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Infers the schema again from a dataset version (a newer batch, typically): the next version, a
 * draft, made from that version's statistics as version 1 was, with the reason given; the diff then
 * shows what the data says differently. The version and the reason are required on their fields.
 */
final class ReinferDialog extends Dialog {

    static final String FROM = "Infer from";

    private final ComboBox<DatasetVersionRecord> from = new ComboBox<>(FROM);
    private final TextField reason = new TextField(FeatureDialog.REASON);
    private final EditForm form = new EditForm(this);

    ReinferDialog(SchemaVersion current, List<DatasetVersionRecord> live, BiFunction<DatasetVersionRecord, String, SchemaVersion> infer,
                  Consumer<SchemaVersion> saved) {
        setHeaderTitle("Infer the schema again (after version " + current.version() + ")");
        addClassName("schema-reinfer-dialog");
        from.setItems(live);
        from.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName() + " · " + v.getRowCount() + " rows");
        if (!live.isEmpty()) {
            from.setValue(live.getFirst());
        }
        reason.setMaxLength(DatasetSchemas.MAX_REASON - 60);
        reason.setPlaceholder("why the schema follows this version, for whoever approves it");
        reason.setWidthFull();
        form.required(from, FROM).required(reason, FeatureDialog.REASON);
        add(new Paragraph("Version " + (current.version() + 1) + ", a draft, is made from the chosen version's statistics (types, presence,"
                + " domains; the least row count stays). Your edits since version 1 are replaced: compare the two versions after saving."),
                new FormLayout(from, reason, form.status()));
        Button save = new Button("Infer as version " + (current.version() + 1), click -> {
            SchemaVersion[] made = new SchemaVersion[1];
            if (form.submit(() -> made[0] = infer.apply(from.getValue(), reason.getValue()))) {
                close();
                saved.accept(made[0]);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
