package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature's categories as a list: each one on its row with a Remove button, a field to type a new
 * one and Add (or Enter). Categories are kept as typed (a category is a value as written in the
 * data); adding one already listed is refused on the field. A server-side composite: it needs no
 * web component beyond a text field and buttons.
 */
final class CategoryListField extends AbstractCompositeField<VerticalLayout, CategoryListField, List<String>> implements HasValidation {

    private final Span label = new Span(FeatureDraft.CATEGORIES);
    private final Div rows = new Div();
    private final TextField next = new TextField();
    private final Button add = new Button("Add");
    private final Span error = new Span();
    private String errorMessage;
    private boolean invalid;

    CategoryListField() {
        super(List.of());
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.addClassName("category-list");
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        next.setPlaceholder("a category, as written in the data");
        next.setMaxLength(FeatureDraft.CATEGORY_LENGTH);
        next.getElement().setAttribute("aria-label", "New category");
        next.addKeyPressListener(Key.ENTER, press -> addTyped());
        add.addClickListener(click -> addTyped());
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        HorizontalLayout entry = new HorizontalLayout(next, add);
        entry.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.add(label, rows, entry, error);
    }

    /** The text field for the next category (tests type into it). */
    TextField nextCategory() {
        return next;
    }

    private void addTyped() {
        String typed = next.getValue();
        if (typed == null || typed.isBlank()) {
            setErrorMessage(FeatureDraft.CATEGORIES + ": type a category first.");
            setInvalid(true);
            return;
        }
        if (getValue().contains(typed)) {
            setErrorMessage(FeatureDraft.CATEGORIES + ": '" + typed + "' is already listed.");
            setInvalid(true);
            return;
        }
        List<String> more = new ArrayList<>(getValue());
        more.add(typed);
        setModelValue(List.copyOf(more), true);
        next.clear();
        setInvalid(false);
    }

    private void remove(String category) {
        List<String> fewer = new ArrayList<>(getValue());
        fewer.remove(category);
        setModelValue(List.copyOf(fewer), true);
    }

    @Override
    protected void setPresentationValue(List<String> categories) {
        rows.removeAll();
        for (String category : categories) {
            Span value = new Span(category);
            value.addClassName("category");
            Button remove = new Button("Remove", click -> remove(category));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", "Remove " + category);
            HorizontalLayout row = new HorizontalLayout(value, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            rows.add(row);
        }
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        error.setText(errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public void setInvalid(boolean invalid) {
        this.invalid = invalid;
        error.setVisible(invalid && errorMessage != null && !errorMessage.isEmpty());
    }

    @Override
    public boolean isInvalid() {
        return invalid;
    }
}
