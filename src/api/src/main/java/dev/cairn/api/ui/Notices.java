package dev.cairn.api.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;

/**
 * Short confirmations after an action. At most one is open per browser tab: a new one replaces it,
 * and it closes by itself after a few seconds or when the user next leaves the page, so it never
 * outlives what it confirms. Refusals belong where the user acted ({@link StatusLine}, or the
 * field through {@link EditForm}); {@link #refused} is only for actions without a form.
 * Text only, never HTML.
 */
public final class Notices {

    static final int SUCCESS_MILLIS = 3000;
    static final int REFUSAL_MILLIS = 6000;

    private Notices() {
    }

    /** Confirms that the action was done. */
    public static Notification success(String message) {
        return show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * A refusal of an action that has no form or table to show it on (e.g. a button in a toolbar):
     * it replaces any open notice instead of piling up, and closes when the user leaves the page.
     */
    public static Notification refused(String message) {
        return show(message, REFUSAL_MILLIS, Notification.Position.TOP_CENTER, NotificationVariant.LUMO_ERROR);
    }

    private static Notification show(String message, int millis, Notification.Position position, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        Notification previous = ComponentUtil.getData(ui, Notification.class);
        if (previous != null) {
            previous.close();
        }
        Notification notice = new Notification(message, millis, position);
        notice.addThemeVariants(variant);
        ComponentUtil.setData(ui, Notification.class, notice);
        // Closed on the user's next navigation: registered after this round trip, so that a
        // navigation the action itself makes (to the page it created) still shows the confirmation.
        Registration[] onLeave = new Registration[1];
        ui.beforeClientResponse(ui, context -> {
            if (notice.isOpened()) {
                onLeave[0] = ui.addAfterNavigationListener(navigated -> {
                    notice.close();
                    onLeave[0].remove();
                });
            }
        });
        notice.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                if (onLeave[0] != null) {
                    onLeave[0].remove();
                }
                if (ComponentUtil.getData(ui, Notification.class) == notice) {
                    ComponentUtil.setData(ui, Notification.class, null);
                }
            }
        });
        notice.open();
        return notice;
    }
}
