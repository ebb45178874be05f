package dev.cairn.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: Vaadin's security configurer exempts the login form's POST from Spring's CSRF token
 * (its LoginForm sends none), so a page on another site could sign a victim's browser into an
 * account of the attacker's choosing. Browsers say where a form comes from: Sec-Fetch-Site (every
 * current browser) and Origin (every browser on a POST). A sign-in is accepted only when they say
 * "this site": Sec-Fetch-Site same-origin, and Origin, when sent, equal to the request's own
 * origin. A POST carrying neither is refused too: a browser that sends neither cannot be told
 * apart from a forged form. Runs before Spring's login processing.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginOriginFilter.class);

    private final String loginPath;

    LoginOriginFilter(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && loginPath.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!fromThisSite(request)) {
            LOG.warn("Refused a cross-site sign-in from {} (Sec-Fetch-Site={}, Origin={})", request.getRemoteAddr(),
                    request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign-in refused: the form was not sent from this site. Open the sign-in page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromThisSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (fetchSite == null && origin == null) {
            return false;
        }
        if (fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite.strip())) {
            return false;
        }
        return origin == null || sameOrigin(origin.strip(), request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" (sandboxed frames, some redirects) or garbage
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
