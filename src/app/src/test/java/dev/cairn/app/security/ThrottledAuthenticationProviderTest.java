package dev.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import dev.cairn.api.security.Role;
import dev.cairn.app.audit.JooqAuditLog;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * SECURITY.md item 9: a disabled account, a wrong password and an unknown user give the same
 * answer for the same work (one Argon2 check each), so neither the message nor the time tells
 * them apart.
 */
class ThrottledAuthenticationProviderTest {

    private static final PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final String HASH = ARGON2.encode("right-password-1");

    private final AtomicInteger argon2Checks = new AtomicInteger();
    private final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return ARGON2.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            argon2Checks.incrementAndGet();
            return ARGON2.matches(raw, encoded);
        }
    };
    private final Map<String, CairnPrincipal> users = Map.of(
            "active", principal("active", true), "disabled", principal("disabled", false));
    private final UserDetailsService userDetails = name -> {
        CairnPrincipal user = users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("unknown");
        }
        return principal(user.getUsername(), user.isEnabled());
    };
    private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.Login(100, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofMinutes(15), 100, 100, 1000, 5), java.time.Clock.systemUTC());
    private final ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(userDetails, countingEncoder,
            throttle, mock(JooqAuditLog.class));

    private static CairnPrincipal principal(String name, boolean enabled) {
        return new CairnPrincipal(UUID.randomUUID(), UUID.randomUUID(), name, name, HASH, enabled, Set.of(Role.MEMBER));
    }

    private Answer attempt(String username, String password) {
        argon2Checks.set(0);
        Throwable failure = catchThrowable(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
        return new Answer(failure == null ? null : failure.getClass(), failure == null ? null : failure.getMessage(),
                argon2Checks.get());
    }

    private record Answer(Class<?> type, String message, int argon2Checks) {
    }

    @Test
    void aDisabledAccountAnswersLikeAWrongPasswordAfterTheSameArgon2Work() {
        Answer wrongPassword = attempt("active", "wrong-password-1");
        Answer disabledRightPassword = attempt("disabled", "right-password-1");
        Answer disabledWrongPassword = attempt("disabled", "wrong-password-1");
        Answer unknown = attempt("nobody", "wrong-password-1");
        assertThat(wrongPassword.message()).isEqualTo("Incorrect username or password.");
        assertThat(disabledRightPassword).isEqualTo(wrongPassword);
        assertThat(disabledWrongPassword).isEqualTo(wrongPassword);
        assertThat(unknown).isEqualTo(wrongPassword);
        assertThat(wrongPassword.argon2Checks()).isEqualTo(1);
    }

    @Test
    void theRightPasswordOfAnActiveAccountSignsIn() {
        assertThat(attempt("active", "right-password-1").type()).isNull();
    }
}
