package dev.cairn.plugin.scoping.document;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short notices after a save: success at the bottom, problems in the middle and long enough to read. */
public final class Feedback {

    private Feedback() {
    }

    public static void saved(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void problem(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Runs a save; a refusal (bad input, someone else saved first, not allowed) becomes a notice and nothing else changes. */
    public static boolean attempt(Runnable save) {
        return attemptSave(save, null);
    }

    /**
     * Runs a save of a versioned part. When someone else saved first and {@code rebase} is given,
     * the user chooses: save theirs over (after {@code rebase} moves the form onto the latest
     * version) or reload to see theirs; without it, the conflict is a notice like any refusal.
     */
    public static boolean attemptSave(Runnable save, Runnable rebase) {
        try {
            save.run();
            return true;
        } catch (ConcurrentEditException conflict) {
            if (rebase == null) {
                problem(conflict.getMessage());
            } else {
                conflict(conflict.getMessage(), () -> {
                    rebase.run();
                    attemptSave(save, rebase);
                });
            }
            return false;
        } catch (IllegalArgumentException | IllegalStateException | dev.cairn.api.security.AccessDeniedException
                 | dev.cairn.api.tenancy.NotFoundException refused) {
            problem(refused.getMessage());
            return false;
        }
    }

    private static void conflict(String message, Runnable keepMine) {
        Notification notice = new Notification();
        notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notice.setPosition(Notification.Position.MIDDLE);
        notice.setDuration(0);
        Button keep = new Button("Save mine over theirs", click -> {
            notice.close();
            keepMine.run();
        });
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button theirs = new Button("Show theirs (reload the page)", click -> UI.getCurrent().getPage().reload());
        Button later = new Button("Close", click -> notice.close());
        notice.add(new VerticalLayout(new Span(message), new HorizontalLayout(keep, theirs, later)));
        notice.open();
    }

    /**
     * Refuses a number field holding text that is not a number (its value is then empty), so a
     * typo is reported instead of silently saved as "no value".
     */
    public static void requireNumberOrEmpty(com.vaadin.flow.component.textfield.AbstractNumberField<?, ?> field) {
        boolean typed = field.getElement().getProperty("_hasInputValue", false);
        if (field.getValue() == null && (typed || field.isInvalid())) {
            throw new IllegalArgumentException(field.getLabel() + " is not a number.");
        }
    }
}
