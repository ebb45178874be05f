package dev.cairn.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionValidityFilter.class);

    private final SessionRevocations revocations;

    SessionValidityFilter(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CairnPrincipal principal && !revocations.stillValid(principal)) {
            LOG.info("Ending the session of {}: user or tenant disabled, or sessions revoked", principal.getUsername());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
