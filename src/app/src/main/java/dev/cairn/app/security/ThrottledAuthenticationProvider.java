package dev.cairn.app.security;

import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.app.audit.JooqAuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login with throttling and audit. Unknown users, wrong passwords and disabled accounts
 * all answer "bad credentials"; only a lockout says so, and it applies to unknown names too.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final JooqAuditLog audit;

    ThrottledAuthenticationProvider(CairnUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                    JooqAuditLog audit) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (throttle.isBlocked(username, address)) {
            audit.write(null, username, "login", address, Outcome.DENIED, "throttled after repeated failures");
            throw new LockedException("Too many failed sign-ins. Try again in 15 minutes.");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            CairnPrincipal principal = (CairnPrincipal) result.getPrincipal();
            throttle.recordSuccess(username);
            audit.write(principal.tenantId(), principal.getUsername(), "login", address, Outcome.SUCCESS, null);
            return result;
        } catch (DisabledException | BadCredentialsException | LockedException failure) {
            boolean lockedNow = throttle.recordFailure(username, address);
            audit.write(null, username, "login", address, Outcome.FAILURE, lockedNow ? "lockout" : "bad credentials");
            throw new BadCredentialsException("Incorrect username or password.");
        } catch (AuthenticationException other) {
            audit.write(null, username, "login", address, Outcome.FAILURE, other.getClass().getSimpleName());
            throw other;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
