package dev.cairn.app.security;

import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SECURITY.md item 10 across nodes: a signed-in request whose user or tenant has been disabled, or
 * whose session was revoked after it began, is treated as anonymous and its session invalidated,
 * so it ends at the login page. One primary-key read per request (ADR 0007); the in-memory session
 * registry only covers the node where the admin acted.
 *
 * <p>The user is told why: a cookie carries the reason to the login page ({@link SignedOutNotice}),
 * and a click in Vaadin's UI (a UIDL request) is answered in the JSON Vaadin's client reads, sending
 * the browser to the login page, instead of a text its client reports as "Invalid JSON response".
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionValidityFilter.class);

    private final SessionRevocations revocations;
    private final String loginPath;

    SessionValidityFilter(SessionRevocations revocations, String loginPath) {
        this.revocations = revocations;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CairnPrincipal principal) {
            Optional<SignedOutNotice> end = revocations.endOf(principal);
            if (end.isPresent()) {
                LOG.info("Ending the session of {}: user or tenant disabled, or sessions revoked", principal.getUsername());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SignedOutAnswer.tell(request, response, end.get());
                if (SignedOutAnswer.isUidl(request)) {
                    SignedOutAnswer.sendToLogin(request, response, loginPath);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** The answers both ways a session ends give (this filter, and the session registry's expiry). */
    static final class SignedOutAnswer {

        private SignedOutAnswer() {
        }

        static void tell(HttpServletRequest request, HttpServletResponse response, SignedOutNotice notice) {
            Cookie cookie = new Cookie(SignedOutNotice.COOKIE, notice.value());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge(600);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }

        /** A Vaadin client's round trip (POST ?v-r=uidl): read from the query string, never the body. */
        static boolean isUidl(HttpServletRequest request) {
            String query = request.getQueryString();
            return "POST".equals(request.getMethod()) && query != null
                    && java.util.Arrays.asList(query.split("&")).contains("v-r=uidl");
        }

        /** Vaadin's client follows a critical notification without caption or message straight to its URL. */
        static void sendToLogin(HttpServletRequest request, HttpServletResponse response, String loginPath) throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json; charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-store");
            response.getOutputStream().write(VaadinService.createCriticalNotificationJSON(null, null, null,
                    request.getContextPath() + loginPath).getBytes(StandardCharsets.UTF_8));
        }
    }
}
