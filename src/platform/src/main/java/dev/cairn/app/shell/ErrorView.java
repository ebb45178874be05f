package dev.cairn.app.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cairn's page for every exception that no more specific error view handles (SECURITY.md item 24).
 * Vaadin's own page prints the root cause's toString() even in production mode, which can carry
 * SQL, paths or secrets; this one shows only a reference id, and the log holds the id with the
 * full exception.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.log("Navigation to '" + event.getLocation().getPath() + "'",
                parameter.getCaughtException());
        removeAll();
        addClassName("error-page");
        Paragraph id = new Paragraph(reference);
        id.setId("error-reference");
        add(new H2("Something went wrong"),
                new Paragraph("Cairn could not show this page. If it happens again, give your administrator this reference:"),
                id, new Anchor("", "Back to projects"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
