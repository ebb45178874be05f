package dev.cairn.app.security;

import dev.cairn.app.security.SessionValidityFilter.SignedOutAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * A session the registry expired on this node (an admin disabled the user or changed their roles):
 * instead of Spring's plain-text "This session has been expired", which Vaadin's client shows as
 * "Invalid JSON response from server", the user lands on the login page that says why.
 */
class SignedOutExpiredSessionStrategy implements SessionInformationExpiredStrategy {

    private final SessionRevocations revocations;
    private final String loginPath;

    SignedOutExpiredSessionStrategy(SessionRevocations revocations, String loginPath) {
        this.revocations = revocations;
        this.loginPath = loginPath;
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        HttpServletRequest request = event.getRequest();
        HttpServletResponse response = event.getResponse();
        SignedOutNotice notice = event.getSessionInformation().getPrincipal() instanceof CairnPrincipal principal
                ? revocations.endOf(principal).orElse(SignedOutNotice.ENDED) : SignedOutNotice.ENDED;
        SignedOutAnswer.tell(request, response, notice);
        if (SignedOutAnswer.isUidl(request)) {
            SignedOutAnswer.sendToLogin(request, response, loginPath);
        } else {
            response.sendRedirect(request.getContextPath() + loginPath);
        }
    }
}
