package dev.cairn.app.demo;

import static dev.cairn.app.db.Tables.APP_USER;

import dev.cairn.app.tenancy.TenantScope;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * SECURITY.md item 11: outside the demo profile Cairn refuses to start while any account, demo or
 * not, signs in with the documented demo password; and the demo profile cannot be combined with
 * prod. It runs once every bean exists (so after Flyway) and before the web server opens its port
 * (Spring starts the server only after this callback), so no login is accepted before the check.
 * Cost: one Argon2 check per account at start-up.
 */
@Component
class DemoPasswordGuard implements SmartInitializingSingleton {

    private final Environment environment;
    private final DSLContext dsl;
    private final PasswordEncoder encoder;

    DemoPasswordGuard(Environment environment, DSLContext dsl, PasswordEncoder encoder) {
        this.environment = environment;
        this.dsl = dsl;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains("demo")) {
            if (profiles.contains("prod")) {
                throw new IllegalStateException("Refusing to start: the demo profile cannot be combined with prod");
            }
            return;
        }
        // A platform read: every account of every tenant.
        List<String> withDemoPassword = TenantScope.callAsPlatform(() -> dsl.select(APP_USER.USERNAME, APP_USER.PASSWORD_HASH).from(APP_USER)
                .orderBy(APP_USER.USERNAME).fetch()).stream()
                .filter(user -> encoder.matches(DemoAccounts.PASSWORD, user.value2()))
                .map(user -> user.value1()).toList();
        if (!withDemoPassword.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the demo profile: account(s) " + withDemoPassword
                    + " still sign in with the documented demo password. Give them new passwords first"
                    + " (or start with the demo profile).");
        }
    }
}
