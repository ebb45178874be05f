package dev.cairn.app.security;

import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.app.audit.JooqAuditLog;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login with throttling and audit. Unknown users, wrong passwords and disabled accounts
 * all answer "bad credentials" and cost one Argon2 check each: Spring Security 7 checks the
 * password of a disabled account before refusing it (alwaysPerformAdditionalChecksOnUser) and
 * hashes a dummy for an unknown one; ThrottledAuthenticationProviderTest pins both. A throttled
 * attempt is refused before any check.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final JooqAuditLog audit;

    ThrottledAuthenticationProvider(UserDetailsService cairnUserDetailsService, PasswordEncoder encoder,
                                    LoginThrottle throttle, JooqAuditLog audit) {
        this.delegate = new DaoAuthenticationProvider(cairnUserDetailsService);
        this.delegate.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = LoginThrottle.normalise(String.valueOf(authentication.getPrincipal()));
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        LoginThrottle.Attempt attempt = throttle.begin(username, address);
        if (!attempt.allowed()) {
            if (attempt.auditRefusal()) {
                audit.write(null, username, "login", address, Outcome.DENIED, "throttled after repeated failures");
            }
            throw new LockedException("Too many failed sign-ins. Wait a moment and try again.");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            CairnPrincipal principal = (CairnPrincipal) result.getPrincipal();
            throttle.succeeded(username, address);
            audit.write(principal.tenantId(), principal.getUsername(), "login", address, Outcome.SUCCESS, null);
            return result;
        } catch (BadCredentialsException | AccountStatusException failure) {
            boolean slowedNow = throttle.failed(username, address);
            audit.write(null, username, "login", address, Outcome.FAILURE, slowedNow ? "lockout" : "bad credentials");
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
