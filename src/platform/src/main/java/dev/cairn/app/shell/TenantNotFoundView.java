package dev.cairn.app.shell;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.cairn.api.tenancy.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A service's "not found": the object is missing or belongs to another tenant. The page is the
 * same as for an unknown URL and says nothing about whether the object exists elsewhere.
 */
@AnonymousAllowed
public class TenantNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TenantNotFoundView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        LOG.debug("Not found: {}", event.getLocation().getPath(), parameter.getCaughtException());
        NotFoundView.showNotFound(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
