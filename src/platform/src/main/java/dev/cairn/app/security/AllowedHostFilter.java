package dev.cairn.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Host header names a host Cairn is not configured for
 * ({@code cairn.security.allowed-hosts}). Redirects built from the request (Tomcat's absolute
 * Location, Spring Security's saved request) then can only ever point at a configured host.
 */
class AllowedHostFilter extends OncePerRequestFilter {

    private final Set<String> allowed;

    AllowedHostFilter(SecurityProperties properties) {
        this.allowed = Set.copyOf(properties.allowedHosts());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (!allowed.contains(host)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Unknown host. This server answers only to its configured host names.");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
