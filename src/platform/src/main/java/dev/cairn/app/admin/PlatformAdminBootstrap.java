package dev.cairn.app.admin;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.security.Role;
import dev.cairn.app.security.PasswordPolicy;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the platform admin (who belongs to no tenant) on first start, from
 * {@link BootstrapProperties} (cairn.bootstrap.admin-username / admin-password). Nothing is created
 * when no password is set.
 */
@Component
public class PlatformAdminBootstrap {

    private final DSLContext dsl;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final BootstrapProperties settings;

    PlatformAdminBootstrap(DSLContext dsl, PasswordEncoder encoder, PasswordPolicy policy, BootstrapProperties settings) {
        this.dsl = dsl;
        this.encoder = encoder;
        this.policy = policy;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void onStart() {
        if (!settings.adminPassword().isBlank()) {
            ensurePlatformAdmin(settings.adminUsername(), "Platform admin", settings.adminPassword());
        }
    }

    /** A platform task: the platform admin belongs to no tenant, and usernames are global. */
    @Transactional
    public void ensurePlatformAdmin(String name, String displayName, String secret) {
        TenantScope.runAsPlatform(() -> insertPlatformAdmin(name, displayName, secret));
    }

    private void insertPlatformAdmin(String name, String displayName, String secret) {
        String clean = UserInput.username(name);
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(clean))) {
            return;
        }
        policy.check(secret);
        UUID id = UUID.randomUUID();
        dsl.insertInto(APP_USER)
                .set(APP_USER.ID, id)
                .set(APP_USER.USERNAME, clean)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, encoder.encode(secret))
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(APP_USER.VERSION, 0)
                .execute();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, Role.PLATFORM_ADMIN.name()).execute();
    }
}
