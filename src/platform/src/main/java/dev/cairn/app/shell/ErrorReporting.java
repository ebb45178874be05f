package dev.cairn.app.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Exceptions outside navigation (a click, a value change) get the same treatment as
 * {@link ErrorView}: logged with a reference, and only the reference shown, in a notification that
 * closes by itself. Vaadin's default handler would show nothing in production and the message in
 * development.
 */
@Component
class ErrorReporting implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            String reference = ErrorReference.log("A UI action", error.getThrowable());
            VaadinSession session = VaadinSession.getCurrent();
            if (session != null && session.getUIs().stream().findAny().isPresent()
                    && com.vaadin.flow.component.UI.getCurrent() != null) {
                Notification notification = Notification.show("Something went wrong. Reference: " + reference,
                        6000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }
}
