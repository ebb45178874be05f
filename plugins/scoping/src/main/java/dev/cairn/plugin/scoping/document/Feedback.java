package dev.cairn.plugin.scoping.document;

import com.vaadin.flow.component.notification.Notification;
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
        try {
            save.run();
            return true;
        } catch (IllegalArgumentException | IllegalStateException | dev.cairn.api.security.AccessDeniedException refused) {
            problem(refused.getMessage());
            return false;
        }
    }
}
