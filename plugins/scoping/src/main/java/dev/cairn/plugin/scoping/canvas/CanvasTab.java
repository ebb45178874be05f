package dev.cairn.plugin.scoping.canvas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import java.util.EnumMap;
import java.util.Map;

/** The Machine Learning Canvas: one box per question, with guidance and an example in each. */
public class CanvasTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private final Map<CanvasBox, TextArea> areas = new EnumMap<>(CanvasBox.class);
    private final Paragraph lastChange = new Paragraph();
    private Integer version;

    public CanvasTab(CanvasService canvas, ProjectRef project, boolean canEdit, Runnable onSaved) {
        setPadding(false);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        for (CanvasBox box : CanvasBox.values()) {
            TextArea area = new TextArea(box.title() + (box.required() ? " (required)" : ""));
            area.setHelperText(box.question());
            area.setPlaceholder("e.g. " + box.example());
            area.setMaxLength(Canvas.MAX_LENGTH);
            area.setMinHeight("7em");
            area.setReadOnly(!canEdit);
            areas.put(box, area);
            form.add(area);
        }
        canvas.find(project.id()).ifPresent(saved -> {
            areas.forEach((box, area) -> area.setValue(saved.canvas().text(box)));
            version = saved.version();
            lastChange.setText("Last changed by " + saved.updatedBy() + " (version " + saved.version() + ")");
        });
        add(lastChange, form);
        if (canEdit) {
            Button save = new Button("Save canvas", click -> Saving.attemptVersioned(status, () -> {
                Map<CanvasBox, String> text = new EnumMap<>(CanvasBox.class);
                areas.forEach((box, area) -> text.put(box, area.getValue()));
                version = canvas.save(project.id(), new Canvas(text), version);
                lastChange.setText("Saved (version " + version + ")");
                Notices.success("Canvas saved (version " + version + ")");
                onSaved.run();
            }, () -> version = canvas.find(project.id()).map(CanvasService.Saved::version).orElse(null)));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save, status);
        }
    }
}
