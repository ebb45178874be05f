package dev.cairn.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A question before an action (delete, leave with unsaved edits, overwrite someone's save): a
 * header, one sentence, "Cancel" and the action, optionally a second action. Built on Vaadin's
 * Dialog rather than ConfirmDialog so that the committed production bundle, which already holds
 * the dialog, serves it without a frontend rebuild.
 */
public class Confirmation extends Dialog {

    private final Paragraph text;
    private final Button cancel = new Button("Cancel", click -> close());
    private final Button confirm;

    public Confirmation(String header, String text, String confirmText, Runnable onConfirm) {
        setHeaderTitle(header);
        this.text = new Paragraph(text);
        add(this.text);
        confirm = new Button(confirmText, click -> {
            close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);
        addClassName("cairn-confirmation");
    }

    /** The action destroys something: its button says so in red. */
    public Confirmation destructive() {
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return this;
    }

    public Confirmation cancelText(String label) {
        cancel.setText(label);
        return this;
    }

    /** A second way out besides cancel and the action (e.g. "Show theirs"). */
    public Confirmation alternative(String label, Runnable action) {
        Button other = new Button(label, click -> {
            close();
            action.run();
        });
        getFooter().addComponentAtIndex(1, other);
        return this;
    }

    /** The action's button (tests click it; views have no need to). */
    public Button confirmButton() {
        return confirm;
    }

    public String text() {
        return text.getText();
    }

    public String header() {
        return getHeaderTitle();
    }
}
