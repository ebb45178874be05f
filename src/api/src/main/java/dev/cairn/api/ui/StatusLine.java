package dev.cairn.api.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The one line where a form or a table says why the user's last action was refused, placed where
 * they acted. A new message replaces the old one, so refusals never pile up, and a success clears
 * it. Screen readers announce it (role "alert").
 */
public class StatusLine extends Div {

    public StatusLine() {
        addClassName("cairn-status-line");
        getElement().setAttribute("role", "alert");
        getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        setVisible(false);
    }

    /** Shows why the action was refused, in place of any earlier message. */
    public void refused(String message) {
        setText(message);
        setVisible(true);
    }

    public void clear() {
        setText("");
        setVisible(false);
    }

    /** The message shown now, or an empty string. */
    public String message() {
        return isVisible() ? getText() : "";
    }

    /**
     * Runs an action of the user's; a refusal lands here and nothing else changes (the form keeps
     * what was typed). Returns whether the action succeeded. Failures that are not refusals pass on
     * to the platform, which logs them with a reference.
     */
    public boolean attempt(Runnable action) {
        try {
            action.run();
            clear();
            return true;
        } catch (RuntimeException failure) {
            if (!Refusals.isRefusal(failure)) {
                throw failure;
            }
            refused(failure.getMessage());
            return false;
        }
    }
}
