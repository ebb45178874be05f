package dev.cairn.app.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** An unknown URL. Shares its page with {@link TenantNotFoundView}, so both answers look alike. */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        org.slf4j.LoggerFactory.getLogger(NotFoundView.class).debug("No route: {}", event.getLocation().getPath(), parameter.getCaughtException());
        showNotFound(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    static void showNotFound(VerticalLayout page) {
        page.removeAll();
        page.addClassName("not-found");
        page.add(new H2("Not found"), new Paragraph("There is nothing here, or you have no access to it."),
                new Anchor("", "Back to projects"));
    }
}
