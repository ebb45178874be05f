package dev.cairn.app.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.Cookie;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Cairn")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeCenter();
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("Incorrect username or password, or too many attempts. Check and try again.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Cairn"), new Paragraph("Production ML, stage by stage."), login);
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        signedOutNotice().ifPresent(this::showNotice);
    }

    /** Set by the security filters when they end a session: said once, then the cookie goes. */
    private static java.util.Optional<SignedOutNotice> signedOutNotice() {
        if (!(VaadinRequest.getCurrent() instanceof VaadinServletRequest request)) {
            return java.util.Optional.empty();
        }
        java.util.Optional<SignedOutNotice> notice = SignedOutNotice.from(request.getCookies());
        if (notice.isPresent() && VaadinResponse.getCurrent() instanceof VaadinServletResponse response) {
            Cookie gone = new Cookie(SignedOutNotice.COOKIE, "");
            gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            gone.setMaxAge(0);
            gone.setHttpOnly(true);
            response.addCookie(gone);
        }
        return notice;
    }

    private void showNotice(SignedOutNotice notice) {
        Div box = new Div(new H2(notice.title()), new Paragraph(notice.explanation()));
        box.setId("signed-out-notice");
        box.getElement().setAttribute("role", "status");
        box.getStyle().set("max-width", "32rem").set("text-align", "center");
        addComponentAtIndex(1, box);
    }
}
