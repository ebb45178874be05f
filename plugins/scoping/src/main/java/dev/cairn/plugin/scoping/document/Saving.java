package dev.cairn.plugin.scoping.document;

import com.vaadin.flow.component.UI;
import dev.cairn.api.ui.Confirmation;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.cairn.api.ui.StatusLine;

/**
 * Saving a part of the scoping document: a refusal lands on the tab's status line (the form keeps
 * what was typed, see the UI kit), and when someone else saved the same part first the user
 * chooses in a dialog: save theirs over, or reload to see theirs.
 */
public final class Saving {

    private Saving() {
    }

    /**
     * Runs a save of a versioned part; a refusal lands on the status line. When someone else saved
     * first, the user chooses: save theirs over (after {@code rebase} moves the form onto the latest
     * version) or reload to see theirs.
     */
    public static boolean attemptVersioned(StatusLine status, Runnable save, Runnable rebase) {
        return status.attempt(() -> {
            try {
                save.run();
            } catch (ConcurrentEditException conflict) {
                conflict(conflict.getMessage(), () -> {
                    rebase.run();
                    attemptVersioned(status, save, rebase);
                });
                throw conflict;
            }
        });
    }

    private static void conflict(String message, Runnable keepMine) {
        new Confirmation("Someone else saved first", message, "Save mine over theirs", keepMine)
                .alternative("Show theirs (reload the page)", () -> UI.getCurrent().getPage().reload()).cancelText("Close").open();
    }

    /**
     * Refuses a whole-number field holding text that is not a number (its value is then empty), so a
     * typo is reported instead of silently saved as "no value".
     */
    public static void requireNumberOrEmpty(IntegerField field) {
        boolean typed = field.getElement().getProperty("_hasInputValue", false);
        if (field.getValue() == null && (typed || field.isInvalid())) {
            throw new IllegalArgumentException(field.getLabel() + " is not a whole number.");
        }
    }
}
