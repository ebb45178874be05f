package dev.cairn.app.ui;

import com.vaadin.flow.component.html.Paragraph;

/**
 * A refusal that names no field (not allowed, a conflict), shown inside the form it concerns, so
 * it goes with the form instead of outliving it as a pop-up. Text only.
 */
public class FormProblem extends Paragraph {

    public FormProblem() {
        addClassName("form-problem");
        getStyle().set("color", "var(--lumo-error-text-color)");
        setVisible(false);
    }

    public void show(String message) {
        setText(message);
        setVisible(true);
    }

    public void clear() {
        setText("");
        setVisible(false);
    }
}
