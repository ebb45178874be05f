package dev.cairn.app.demo;

import static dev.cairn.app.db.Tables.APP_USER;

import dev.cairn.app.tenancy.TenantScope;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * SECURITY.md item 11: in the prod profile Cairn refuses to run with the demo profile on, or while
 * any account still signs in with the documented demo password.
 */
@Component
class DemoPasswordGuard {

    private final Environment environment;
    private final DSLContext dsl;
    private final PasswordEncoder encoder;

    DemoPasswordGuard(Environment environment, DSLContext dsl, PasswordEncoder encoder) {
        this.environment = environment;
        this.dsl = dsl;
        this.encoder = encoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        var profiles = Arrays.asList(environment.getActiveProfiles());
        if (!profiles.contains("prod")) {
            return;
        }
        if (profiles.contains("demo")) {
            throw new IllegalStateException("Refusing to start: the demo profile cannot be combined with prod");
        }
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            // A platform read: the demo accounts belong to several tenants.
            TenantScope.callAsPlatform(() -> dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                            .where(APP_USER.USERNAME.eq(account.username())).fetchOptional(APP_USER.PASSWORD_HASH))
                    .filter(hash -> encoder.matches(DemoAccounts.PASSWORD, hash))
                    .ifPresent(hash -> {
                        throw new IllegalStateException("Refusing to start in production: account '" + account.username()
                                + "' still has the demo password. Change or disable it first.");
                    });
        }
    }
}
